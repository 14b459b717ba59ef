package io.trustyard.trustserver.service;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.notary.NotaryErrorCode;
import io.trustyard.core.notary.NotaryException;
import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import io.trustyard.core.tuf.model.UnknownFields;
import io.trustyard.trustserver.storage.MetadataUpdate;
import io.trustyard.trustserver.storage.StoredMetadata;
import io.trustyard.trustserver.storage.VersionConflictException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GET side of the server-held keys (notary's {@code GetOrCreateTimestamp}): an expired
 * snapshot is re-signed when the server holds its key, and an expired timestamp (or one that no
 * longer matches its snapshot) is replaced by a fresh one, stored before it is served.
 */
final class FreshTimestamps {
  private final ServerSigning signing;
  private final Clock clock;

  FreshTimestamps(ServerSigning signing, Clock clock) {
    this.signing = signing;
    this.clock = clock;
  }

  MetadataFile current(Repository repo, String role) {
    for (int attempt = 0; ; attempt++) {
      try {
        return tryCurrent(repo, role);
      } catch (VersionConflictException e) {
        // Another request refreshed it first: serve theirs.
        if (attempt >= 3) {
          throw new NotaryException(NotaryErrorCode.UNKNOWN, null, "timestamp refresh kept conflicting");
        }
      }
    }
  }

  private MetadataFile tryCurrent(Repository repo, String role) throws VersionConflictException {
    Instant now = clock.instant();
    StoredMetadata tsFile = repo.timestamp().orElseThrow(FreshTimestamps::notFound);
    StoredMetadata snapFile = repo.snapshotOf(tsFile).orElseThrow(FreshTimestamps::notFound);
    Parsed<TimestampMetadata> ts = Repository.parseTimestamp(tsFile);
    Parsed<SnapshotMetadata> snapshot = Repository.parseSnapshot(snapFile);

    List<MetadataUpdate> updates = new ArrayList<>();
    byte[] snapshotBytes = snapFile.data();
    MetadataFile servedSnapshot = new MetadataFile(snapshotBytes, snapFile.updatedAt());
    RootMetadata root = null;
    if (snapshot.signed().expires().toInstant().isBefore(now)) {
      root = root(repo, snapFile);
      TufPublicKey key = signing.heldKey(root, RoleNames.SNAPSHOT).orElseThrow(() -> new NotaryException(
          NotaryErrorCode.UNKNOWN, null, "the snapshot expired and the server does not hold its key"));
      long version = repo.store().latest(repo.gun(), RoleNames.SNAPSHOT).map(StoredMetadata::version).orElse(0) + 1L;
      SnapshotMetadata body = new SnapshotMetadata(version,
          UpdateValidator.at(now.plus(UpdateValidator.SNAPSHOT_EXPIRY)), snapshot.signed().meta(), UnknownFields.NONE);
      snapshotBytes = signing.sign(body, key);
      updates.add(new MetadataUpdate(RoleNames.SNAPSHOT, (int) version, snapshotBytes));
      servedSnapshot = new MetadataFile(snapshotBytes, now);
    }
    boolean matches = ts.signed().snapshot().map(m -> m.hashesMatch(snapFile.data())).orElse(false);
    if (updates.isEmpty() && matches && !ts.signed().expires().toInstant().isBefore(now)) {
      return role.equals(RoleNames.TIMESTAMP) ? new MetadataFile(tsFile.data(), tsFile.updatedAt()) : servedSnapshot;
    }
    if (root == null) {
      root = root(repo, snapFile);
    }
    TufPublicKey tsKey = signing.heldKey(root, RoleNames.TIMESTAMP).orElseThrow(() -> new NotaryException(
        NotaryErrorCode.UNKNOWN, null, "the timestamp needs re-signing and the server does not hold its key"));
    long version = ts.signed().version() + 1;
    TimestampMetadata body = new TimestampMetadata(version, UpdateValidator.at(now.plus(UpdateValidator.TIMESTAMP_EXPIRY)),
        Map.of(RoleNames.SNAPSHOT, FileMeta.of(snapshotBytes)), UnknownFields.NONE);
    byte[] tsBytes = signing.sign(body, tsKey);
    updates.add(new MetadataUpdate(RoleNames.TIMESTAMP, (int) version, tsBytes));
    repo.store().updateMany(repo.gun(), updates);
    return role.equals(RoleNames.TIMESTAMP) ? new MetadataFile(tsBytes, now) : servedSnapshot;
  }

  private static RootMetadata root(Repository repo, StoredMetadata snapshot) {
    Optional<StoredMetadata> root = repo.listedIn(snapshot, RoleNames.ROOT);
    return Repository.parseRoot(root.orElseThrow(FreshTimestamps::notFound)).signed();
  }

  private static NotaryException notFound() {
    return new NotaryException(NotaryErrorCode.METADATA_NOT_FOUND, io.trustyard.core.json.Json.nodes().objectNode());
  }
}
