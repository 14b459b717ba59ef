package io.trustyard.trustserver.service;

import io.trustyard.core.notary.NotaryErrorCode;
import io.trustyard.core.notary.NotaryException;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import io.trustyard.trustserver.storage.MetadataStore;
import io.trustyard.trustserver.storage.StoredMetadata;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The current state of one GUN as notary-server's SQL backends define it: the newest timestamp,
 * the snapshot it lists (by sha256), and every other role as that snapshot lists it. Reading the
 * timestamp first makes a concurrent update detectable: whatever is derived from this view writes
 * a timestamp version that a racing writer also writes.
 */
final class Repository {
  private final MetadataStore store;
  private final String gun;

  Repository(MetadataStore store, String gun) {
    this.store = store;
    this.gun = gun;
  }

  String gun() {
    return gun;
  }

  MetadataStore store() {
    return store;
  }

  Optional<StoredMetadata> timestamp() {
    return store.latest(gun, RoleNames.TIMESTAMP);
  }

  /** The snapshot the timestamp lists; empty if it is not stored. */
  Optional<StoredMetadata> snapshotOf(StoredMetadata timestamp) {
    FileMeta meta = parseTimestamp(timestamp).signed().snapshot()
        .orElseThrow(() -> unknown("the current timestamp lists no snapshot"));
    byte[] sha = meta.hash(FileMeta.SHA256).orElseThrow(() -> unknown("the current timestamp has no snapshot sha256"));
    return store.byChecksum(gun, RoleNames.SNAPSHOT, HexFormat.of().formatHex(sha));
  }

  /**
   * The role's file as the snapshot lists it. Empty when the snapshot lists it by a hash that is
   * not stored; a role the snapshot does not list at all is a server error in notary.
   */
  Optional<StoredMetadata> listedIn(StoredMetadata snapshot, String role) {
    SnapshotMetadata s = parseSnapshot(snapshot).signed();
    FileMeta meta = s.meta().get(role);
    if (meta == null) {
      throw unknown("the current snapshot lists no " + role);
    }
    byte[] sha = meta.hash(FileMeta.SHA256).orElseThrow(() -> unknown("the snapshot has no sha256 for " + role));
    return store.byChecksum(gun, role, HexFormat.of().formatHex(sha));
  }

  /** The current file of any role, walking timestamp → snapshot → role. */
  Optional<StoredMetadata> current(String role) {
    Optional<StoredMetadata> ts = timestamp();
    if (ts.isEmpty() || role.equals(RoleNames.TIMESTAMP)) {
      return ts;
    }
    Optional<StoredMetadata> snapshot = snapshotOf(ts.get());
    if (snapshot.isEmpty() || role.equals(RoleNames.SNAPSHOT)) {
      return snapshot;
    }
    return listedIn(snapshot.get(), role);
  }

  /** The current file of a role, or empty when the snapshot does not list it (for validation context). */
  Optional<StoredMetadata> currentIfListed(String role) {
    try {
      return current(role);
    } catch (NotaryException e) {
      return Optional.empty();
    }
  }

  Optional<Parsed<RootMetadata>> currentRoot() {
    return current(RoleNames.ROOT).map(Repository::parseRoot);
  }

  static Parsed<RootMetadata> parseRoot(StoredMetadata f) {
    try {
      return MetadataReader.root(f.data(), MetadataLimits.MAX_DOWNLOAD_SIZE);
    } catch (TufException e) {
      throw unknown("the stored root cannot be read: " + e.getMessage());
    }
  }

  static Parsed<SnapshotMetadata> parseSnapshot(StoredMetadata f) {
    try {
      return MetadataReader.snapshot(f.data(), MetadataLimits.MAX_DOWNLOAD_SIZE);
    } catch (TufException e) {
      throw unknown("the stored snapshot cannot be read: " + e.getMessage());
    }
  }

  static Parsed<TimestampMetadata> parseTimestamp(StoredMetadata f) {
    try {
      return MetadataReader.timestamp(f.data(), MetadataLimits.MAX_DOWNLOAD_SIZE);
    } catch (TufException e) {
      throw unknown("the stored timestamp cannot be read: " + e.getMessage());
    }
  }

  static NotaryException unknown(String why) {
    return new NotaryException(NotaryErrorCode.UNKNOWN, null, why);
  }
}
