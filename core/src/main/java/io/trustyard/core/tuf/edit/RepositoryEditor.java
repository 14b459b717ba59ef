package io.trustyard.core.tuf.edit;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.Delegations;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import io.trustyard.core.tuf.model.UnknownFields;
import io.trustyard.core.tuf.verify.RootChecks;
import io.trustyard.core.tuf.verify.SignatureChecks;
import io.trustyard.core.tuf.verify.TrustedSet;
import io.trustyard.core.tuf.verify.TrustedTargets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Produces metadata at a given time: new repositories, the next version of edited roles
 * ({@link #edit}), and snapshots and timestamps. Versions go up by one per signing; expiry is
 * {@code now} plus the role's duration. Output is verified before it is returned: a signer that
 * cannot meet a role's threshold yields {@link TufError#THRESHOLD_NOT_MET}, never unverifiable
 * metadata.
 */
public final class RepositoryEditor {
  private final TufSigner signer;
  private final Instant now;
  private final Expiries expiries;

  public RepositoryEditor(TufSigner signer, Instant now, Expiries expiries) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.now = Objects.requireNonNull(now, "now");
    this.expiries = Objects.requireNonNull(expiries, "expiries");
  }

  public RepositoryEditor(TufSigner signer, Instant now) {
    this(signer, now, Expiries.NOTARY);
  }

  /**
   * A new repository: root version 1 naming one key per base role (root keys must be x509
   * certificate keys for {@code gun}), an empty targets version 1, and snapshot and timestamp
   * version 1 when the signer holds their keys.
   */
  public Repository initialize(String gun, List<TufPublicKey> rootKeys, TufPublicKey targetsKey,
      TufPublicKey snapshotKey, TufPublicKey timestampKey) {
    Map<String, TufPublicKey> keys = new LinkedHashMap<>();
    rootKeys.forEach(k -> keys.put(k.id(), k));
    for (TufPublicKey k : List.of(targetsKey, snapshotKey, timestampKey)) {
      keys.put(k.id(), k);
    }
    Map<String, RoleKeys> roles = new LinkedHashMap<>();
    roles.put(RoleNames.ROOT, new RoleKeys(rootKeys.stream().map(TufPublicKey::id).toList(), 1));
    roles.put(RoleNames.TARGETS, new RoleKeys(List.of(targetsKey.id()), 1));
    roles.put(RoleNames.SNAPSHOT, new RoleKeys(List.of(snapshotKey.id()), 1));
    roles.put(RoleNames.TIMESTAMP, new RoleKeys(List.of(timestampKey.id()), 1));
    RootMetadata rootBody = new RootMetadata(1, expiry(RoleNames.ROOT), false, keys, roles, UnknownFields.NONE);
    Signed<RootMetadata> root = signForRoot(RoleNames.ROOT, rootBody, rootBody);
    RootChecks.verifyRoot(gun, MetadataReader.root(MetadataWriter.encode(root), MetadataLimits.MAX_DOWNLOAD_SIZE), now);
    TargetsMetadata targetsBody = new TargetsMetadata(1, expiry(RoleNames.TARGETS), Map.of(),
        Delegations.EMPTY, UnknownFields.NONE);
    Signed<TargetsMetadata> targets = signForRoot(RoleNames.TARGETS, targetsBody, rootBody);
    return finish(new Repository(gun, root, targets, Map.of(), Optional.empty(), Optional.empty()),
        Optional.empty(), Optional.empty(), Set.of());
  }

  /** Starts the next version of {@code repository}; changes are signed by {@link RepositoryDraft#publish()}. */
  public RepositoryDraft edit(Repository repository) {
    return new RepositoryDraft(this, repository);
  }

  /**
   * The next snapshot: {@code meta} as given (root, targets and every delegation file's length and
   * hashes), version one above {@code previous}, signed with the root's snapshot keys.
   */
  public Signed<SnapshotMetadata> nextSnapshot(RootMetadata root, Optional<SnapshotMetadata> previous,
      Map<String, FileMeta> meta) {
    SnapshotMetadata body = new SnapshotMetadata(previous.map(p -> p.version() + 1).orElse(1L),
        expiry(RoleNames.SNAPSHOT), meta, previous.map(SnapshotMetadata::unknown).orElse(UnknownFields.NONE));
    return signForRoot(RoleNames.SNAPSHOT, body, root);
  }

  /** The next timestamp over the snapshot file's bytes, signed with the root's timestamp keys. */
  public Signed<TimestampMetadata> nextTimestamp(RootMetadata root, Optional<TimestampMetadata> previous,
      byte[] snapshotFile) {
    TimestampMetadata body = new TimestampMetadata(previous.map(p -> p.version() + 1).orElse(1L),
        expiry(RoleNames.TIMESTAMP), Map.of(RoleNames.SNAPSHOT, FileMeta.of(snapshotFile)),
        previous.map(TimestampMetadata::unknown).orElse(UnknownFields.NONE));
    return signForRoot(RoleNames.TIMESTAMP, body, root);
  }

  /**
   * Adds this signer's signatures to metadata others signed (threshold above one), keeping the
   * existing signatures that are still valid; the version does not change.
   */
  public <T extends RoleMetadata> Signed<T> cosign(Signed<T> metadata, List<TufPublicKey> roleKeys) {
    return MetadataSigning.sign(metadata.signed(), metadata.signatures(), signer, roleKeys, roleKeys);
  }

  OffsetDateTime expiry(String role) {
    return now.plus(expiries.forRole(role)).atOffset(ZoneOffset.UTC);
  }

  Instant now() {
    return now;
  }

  <T extends RoleMetadata> Signed<T> signForRoot(String role, T body, RootMetadata root) {
    List<TufPublicKey> keys = root.roleKeys(role);
    return sign(role, body, keys, keys, root.roles().get(role).threshold());
  }

  /** Signs with {@code signingKeys} and checks the result meets {@code threshold} with {@code roleKeys}. */
  <T extends RoleMetadata> Signed<T> sign(String role, T body, List<TufPublicKey> signingKeys,
      List<TufPublicKey> roleKeys, int threshold) {
    Signed<T> signed = MetadataSigning.sign(body, List.of(), signer, signingKeys, signingKeys);
    requireThreshold(role, signed, roleKeys, threshold);
    return signed;
  }

  private static void requireThreshold(String role, Signed<?> signed, List<TufPublicKey> roleKeys,
      int threshold) {
    SignatureChecks.requireThreshold(role, MetadataWriter.canonical(signed.signed()),
        signed.signatures(), roleKeys, threshold);
  }

  /** Signed by the root's keys for the role, or empty when the signer holds none of them. */
  private <T extends RoleMetadata> Optional<Signed<T>> signIfHeld(String role, T body, RootMetadata root) {
    List<TufPublicKey> keys = root.roleKeys(role);
    Signed<T> signed = MetadataSigning.sign(body, List.of(), signer, keys, keys);
    if (signed.signatures().isEmpty()) {
      return Optional.empty();
    }
    requireThreshold(role, signed, keys, root.roles().get(role).threshold());
    return Optional.of(signed);
  }

  /**
   * Adds snapshot and timestamp when the signer holds their keys (else the trust server makes
   * them), then verifies a complete result as one chain. Delegations signed now must verify; a
   * delegation left as it was may have become invalid through its parent (a removed key: that is
   * how a delegate is revoked) and is then skipped with its subtree, as clients skip it.
   */
  Repository finish(Repository repository, Optional<SnapshotMetadata> previousSnapshot,
      Optional<TimestampMetadata> previousTimestamp, Set<String> signedNow) {
    RootMetadata root = repository.root().signed();
    Map<String, FileMeta> meta = new LinkedHashMap<>();
    repository.files().forEach((role, bytes) -> meta.put(role, FileMeta.of(bytes)));
    Optional<Signed<SnapshotMetadata>> snapshot = signIfHeld(RoleNames.SNAPSHOT,
        new SnapshotMetadata(previousSnapshot.map(p -> p.version() + 1).orElse(1L), expiry(RoleNames.SNAPSHOT),
            meta, previousSnapshot.map(SnapshotMetadata::unknown).orElse(UnknownFields.NONE)), root);
    Optional<Signed<TimestampMetadata>> timestamp = snapshot.flatMap(s -> signIfHeld(RoleNames.TIMESTAMP,
        new TimestampMetadata(previousTimestamp.map(p -> p.version() + 1).orElse(1L), expiry(RoleNames.TIMESTAMP),
            Map.of(RoleNames.SNAPSHOT, FileMeta.of(MetadataWriter.encode(s))),
            previousTimestamp.map(TimestampMetadata::unknown).orElse(UnknownFields.NONE)), root));
    Repository result = new Repository(repository.gun(), repository.root(), repository.targets(),
        repository.delegations(), snapshot, timestamp);
    if (timestamp.isPresent()) {
      verifyChain(result, signedNow);
    }
    return result;
  }

  private void verifyChain(Repository repository, Set<String> signedNow) {
    Map<String, byte[]> files = repository.files();
    TrustedSet set = TrustedSet.bootstrap(repository.gun(), files.get(RoleNames.ROOT), now)
        .withTimestamp(files.get(RoleNames.TIMESTAMP)).withSnapshot(files.get(RoleNames.SNAPSHOT))
        .withTargets(files.get(RoleNames.TARGETS));
    Deque<String> queue = new ArrayDeque<>(List.of(RoleNames.TARGETS));
    while (!queue.isEmpty()) {
      TrustedTargets parent = set.targets(queue.poll()).orElseThrow();
      for (DelegatedRole child : parent.metadata().signed().delegations().roles()) {
        byte[] bytes = files.get(child.name());
        if (bytes == null) {
          continue;
        }
        try {
          set = set.withDelegation(child.name(), bytes);
          queue.add(child.name());
        } catch (TufException e) {
          if (signedNow.contains(child.name())) {
            throw e;
          }
        }
      }
    }
  }

  static TufException missing(String role, String message) {
    return new TufException(TufError.MISSING_PREREQUISITE, role, message);
  }
}
