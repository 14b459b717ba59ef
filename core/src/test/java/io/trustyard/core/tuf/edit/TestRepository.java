package io.trustyard.core.tuf.edit;

import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository made by the editor with seeded keys: root (certificate), targets, snapshot,
 * timestamp (ed25519) and a delegation {@code targets/releases} limited to {@code releases/}.
 */
public final class TestRepository {
  public static final String GUN = "example.com/test/repo";
  public static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  public static final byte[] CONTENT = "hello\n".getBytes(StandardCharsets.UTF_8);

  public final TufPrivateKey rootKey = TestKeys.ecdsa(1);
  public final TufPublicKey rootCert = TestKeys.rootCertificate(rootKey, GUN, NOW);
  public final TufPrivateKey targetsKey = TestKeys.ecdsa(2);
  public final TufPrivateKey snapshotKey = TestKeys.ecdsa(3);
  public final TufPrivateKey timestampKey = TestKeys.ed25519(4);
  public final TufPrivateKey releasesKey = TestKeys.ecdsa(5);
  public final TufSigner signer = new InMemorySigner(
      List.of(rootKey, targetsKey, snapshotKey, timestampKey, releasesKey));
  public final RepositoryEditor editor = new RepositoryEditor(signer, NOW);
  /** Version 1 of everything, no targets. */
  public final Repository initial = editor.initialize(GUN, List.of(rootCert), targetsKey.publicKey(),
      snapshotKey.publicKey(), timestampKey.publicKey());
  /** Target {@code v1} in targets and the delegation (no metadata of its own yet). */
  public final Repository delegated = editor.edit(initial)
      .addTarget(RoleNames.TARGETS, "v1", FileMeta.of(CONTENT))
      .putDelegation("targets/releases", List.of(releasesKey.publicKey()), 1, List.of("releases/"))
      .publish();
  /** Target {@code releases/r1} signed by the delegation. */
  public final Repository released = editor.edit(delegated)
      .addTarget("targets/releases", "releases/r1", FileMeta.of(CONTENT))
      .publish();

  public static TrustedSet verify(Map<String, byte[]> files, Instant now) {
    Map<String, byte[]> delegations = new LinkedHashMap<>(files);
    RoleNames.BASE_ROLES.forEach(delegations::remove);
    return TrustedSet.verifyAll(GUN, now, files.get(RoleNames.ROOT), files.get(RoleNames.TIMESTAMP),
        files.get(RoleNames.SNAPSHOT), files.get(RoleNames.TARGETS), delegations);
  }

  /**
   * The files of {@code repository} with some replaced, and a snapshot and timestamp re-made over
   * the result by the real keys: a tampered role then fails on its own account, not on hashes.
   */
  public Map<String, byte[]> withFiles(Repository repository, Map<String, byte[]> replaced) {
    Map<String, byte[]> files = new LinkedHashMap<>(repository.files());
    files.remove(RoleNames.SNAPSHOT);
    files.remove(RoleNames.TIMESTAMP);
    files.putAll(replaced);
    Map<String, FileMeta> meta = new LinkedHashMap<>();
    files.forEach((role, bytes) -> meta.put(role, FileMeta.of(bytes)));
    Signed<SnapshotMetadata> snapshot = editor.nextSnapshot(repository.root().signed(),
        repository.snapshot().map(Signed::signed), meta);
    byte[] snapshotBytes = io.trustyard.core.tuf.codec.MetadataWriter.encode(snapshot);
    Signed<TimestampMetadata> timestamp = editor.nextTimestamp(repository.root().signed(),
        repository.timestamp().map(Signed::signed), snapshotBytes);
    files.put(RoleNames.SNAPSHOT, snapshotBytes);
    files.put(RoleNames.TIMESTAMP, io.trustyard.core.tuf.codec.MetadataWriter.encode(timestamp));
    return files;
  }

  public static Optional<byte[]> file(Repository repository, String role) {
    return repository.file(role);
  }
}
