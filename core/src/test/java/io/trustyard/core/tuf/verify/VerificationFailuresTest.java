package io.trustyard.core.tuf.verify;

import static io.trustyard.core.tuf.edit.TestRepository.GUN;
import static io.trustyard.core.tuf.edit.TestRepository.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.edit.Expiries;
import io.trustyard.core.tuf.edit.InMemorySigner;
import io.trustyard.core.tuf.edit.MetadataSigning;
import io.trustyard.core.tuf.edit.Repository;
import io.trustyard.core.tuf.edit.RepositoryEditor;
import io.trustyard.core.tuf.edit.TestKeys;
import io.trustyard.core.tuf.edit.TestRepository;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleKeys;
import io.trustyard.core.tuf.model.RoleMetadata;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.RootMetadata;
import io.trustyard.core.tuf.model.Signature;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.SnapshotMetadata;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.model.TimestampMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each way a repository can be refused, asserted by its name. Fixtures are made by the editor
 * with seeded keys; a tampered role gets a fresh snapshot and timestamp so that it fails on its
 * own account.
 */
/* The fixture is immutable and costly (keys, certificates, three signed versions): one per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationFailuresTest {
  private final TestRepository fixture = new TestRepository();
  private final Repository repo = fixture.released;
  private final Map<String, byte[]> files = repo.files();

  private static void refused(ThrowingCallable call, TufError error, String role) {
    assertThatThrownBy(call).isInstanceOfSatisfying(TufException.class, e -> {
      assertThat(e.error()).as(e.getMessage()).isEqualTo(error);
      assertThat(e.role()).isEqualTo(role);
    });
  }

  private <T extends RoleMetadata> byte[] signedBy(T body, List<TufPublicKey> keys) {
    return MetadataWriter.encode(MetadataSigning.sign(body, List.of(), fixture.signer, keys, keys));
  }

  private TrustedSet upToTimestamp(Map<String, byte[]> f) {
    return TrustedSet.bootstrap(GUN, f.get("root"), NOW).withTimestamp(f.get("timestamp"));
  }

  @Test
  void aBadSignature() {
    Signed<TargetsMetadata> targets = repo.targets();
    Signature s = targets.signatures().get(0);
    byte[] sig = s.sig();
    sig[sig.length - 1] ^= 1;
    byte[] tampered = MetadataWriter.encode(new Signed<>(targets.signed(), List.of(new Signature(s.keyId(), s.method(), sig))));
    refused(() -> TestRepository.verify(fixture.withFiles(repo, Map.of("targets", tampered)), NOW),
        TufError.BAD_SIGNATURE, "targets");
  }

  @Test
  void aChangedBodyUnderAnOldSignatureIsABadSignature() {
    Signed<TargetsMetadata> targets = repo.targets();
    Map<String, FileMeta> more = new LinkedHashMap<>(targets.signed().targets());
    more.put("evil", FileMeta.of(new byte[] {6, 6, 6}));
    byte[] tampered = MetadataWriter.encode(new Signed<>(targets.signed().withTargets(more), targets.signatures()));
    refused(() -> TestRepository.verify(fixture.withFiles(repo, Map.of("targets", tampered)), NOW),
        TufError.BAD_SIGNATURE, "targets");
  }

  @Test
  void belowTheThreshold() {
    var outsider = TestKeys.ecdsa(99);
    byte[] byOutsider = MetadataWriter.encode(MetadataSigning.sign(repo.targets().signed(), List.of(),
        new InMemorySigner(List.of(outsider)), List.of(outsider.publicKey()), List.of()));
    refused(() -> TestRepository.verify(fixture.withFiles(repo, Map.of("targets", byOutsider)), NOW),
        TufError.THRESHOLD_NOT_MET, "targets");
    byte[] unsigned = MetadataWriter.encode(new Signed<>(repo.targets().signed(), List.of()));
    refused(() -> TestRepository.verify(fixture.withFiles(repo, Map.of("targets", unsigned)), NOW),
        TufError.THRESHOLD_NOT_MET, "targets");
  }

  @Test
  void oneKeySigningTwiceDoesNotMeetAThresholdOfTwo() {
    RootMetadata root = repo.root().signed();
    Map<String, RoleKeys> roles = new LinkedHashMap<>(root.roles());
    roles.put("targets", new RoleKeys(root.roles().get("targets").keyIds(), 2));
    // Structure checks refuse a threshold above the key count only in the editor; the verifier counts keys.
    Signed<TargetsMetadata> targets = repo.targets();
    byte[] twice = MetadataWriter.encode(new Signed<>(targets.signed(),
        List.of(targets.signatures().get(0), targets.signatures().get(0))));
    RootMetadata strict = root.withKeysAndRoles(root.keys(), roles);
    refused(() -> SignatureChecks.requireThreshold("targets", MetadataWriter.canonical(targets.signed()),
        List.of(targets.signatures().get(0), targets.signatures().get(0)), strict.roleKeys("targets"), 2),
        TufError.THRESHOLD_NOT_MET, "targets");
    assertThat(twice).isNotEmpty();
  }

  @Test
  void expiredTimestampTargetsAndRoot() {
    Instant monthAgo = NOW.minus(Duration.ofDays(30));
    var key = TestKeys.ecdsa(71);
    Repository old = new RepositoryEditor(new InMemorySigner(List.of(key, fixture.targetsKey,
        fixture.snapshotKey, fixture.timestampKey)), monthAgo).initialize(GUN,
        List.of(TestKeys.rootCertificate(key, GUN, monthAgo)), fixture.targetsKey.publicKey(),
        fixture.snapshotKey.publicKey(), fixture.timestampKey.publicKey());
    assertThat(TestRepository.verify(old.files(), monthAgo.plus(Duration.ofDays(13))).versions())
        .containsEntry("timestamp", 1L);
    refused(() -> TestRepository.verify(old.files(), NOW), TufError.EXPIRED, "timestamp");
    Expiries shortTargets = new Expiries(Duration.ofDays(3650), Duration.ofDays(1), Duration.ofDays(1095),
        Duration.ofDays(14));
    Repository shortLived = new RepositoryEditor(fixture.signer, NOW, shortTargets).edit(repo)
        .addTarget("targets", "v2", FileMeta.of(TestRepository.CONTENT)).publish();
    refused(() -> TestRepository.verify(shortLived.files(), NOW.plus(Duration.ofDays(2))), TufError.EXPIRED, "targets");
    Expiries shortRoot = new Expiries(Duration.ofDays(1), Duration.ofDays(1095), Duration.ofDays(1095),
        Duration.ofDays(14));
    Repository shortRootRepo = new RepositoryEditor(fixture.signer, NOW, shortRoot).edit(repo)
        .resign("root").publish();
    refused(() -> TestRepository.verify(shortRootRepo.files(), NOW.plus(Duration.ofDays(2))), TufError.EXPIRED, "root");
  }

  @Test
  void rolledBackVersions() {
    TrustedSet current = TestRepository.verify(files, NOW);
    byte[] olderTimestamp = fixture.delegated.file("timestamp").orElseThrow();
    refused(() -> current.withTimestamp(olderTimestamp), TufError.ROLLBACK, "timestamp");
    assertThat(current.versions()).containsEntry("timestamp", 3L);
    TrustedSet remembered = TrustedSet.bootstrap(GUN, files.get("root"), NOW)
        .withMinimumVersions(Map.of("targets", 5L));
    refused(() -> remembered.withTimestamp(files.get("timestamp")).withSnapshot(files.get("snapshot"))
        .withTargets(files.get("targets")), TufError.ROLLBACK, "targets");
  }

  @Test
  void aRootRollbackAfterARotation() {
    var newRootKey = TestKeys.ecdsa(41);
    Repository rotated = new RepositoryEditor(new InMemorySigner(List.of(fixture.rootKey, newRootKey,
        fixture.targetsKey, fixture.snapshotKey, fixture.timestampKey, fixture.releasesKey)), NOW).edit(repo)
        .rotateKeys("root", List.of(TestKeys.rootCertificate(newRootKey, GUN, NOW)), 1).publish();
    TrustedSet afterRotation = TrustedSet.bootstrap(GUN, files.get("root"), NOW).withRoot(rotated.file("root").orElseThrow());
    refused(() -> afterRotation.withRoot(files.get("root")), TufError.ROLLBACK, "root");
  }

  @Test
  void aWrongSnapshotHashInTheTimestamp() {
    byte[] snapshot = files.get("snapshot");
    byte[] other = snapshot.clone();
    other[other.length - 3] ^= 1;
    TimestampMetadata body = repo.timestamp().orElseThrow().signed()
        .withMeta(Map.of("snapshot", FileMeta.of(other)));
    byte[] timestamp = signedBy(body, List.of(fixture.timestampKey.publicKey()));
    Map<String, byte[]> f = new LinkedHashMap<>(files);
    f.put("timestamp", timestamp);
    refused(() -> upToTimestamp(f).withSnapshot(snapshot), TufError.HASH_MISMATCH, "snapshot");
  }

  @Test
  void aWrongTargetsHashInTheSnapshot() {
    Map<String, FileMeta> meta = new LinkedHashMap<>(repo.snapshot().orElseThrow().signed().meta());
    byte[] other = files.get("targets").clone();
    other[10] ^= 1;
    meta.put("targets", FileMeta.of(other));
    byte[] snapshot = signedBy(repo.snapshot().orElseThrow().signed().withMeta(meta), List.of(fixture.snapshotKey.publicKey()));
    byte[] timestamp = signedBy(repo.timestamp().orElseThrow().signed().withMeta(Map.of("snapshot", FileMeta.of(snapshot))),
        List.of(fixture.timestampKey.publicKey()));
    Map<String, byte[]> f = new LinkedHashMap<>(files);
    f.put("snapshot", snapshot);
    f.put("timestamp", timestamp);
    refused(() -> TestRepository.verify(f, NOW), TufError.HASH_MISMATCH, "targets");
  }

  @Test
  void aWrongLength() {
    byte[] snapshot = files.get("snapshot");
    FileMeta right = FileMeta.of(snapshot);
    FileMeta longer = new FileMeta(right.length() + 1, right.hashes(), right.custom(), right.unknown());
    byte[] timestamp = signedBy(repo.timestamp().orElseThrow().signed().withMeta(Map.of("snapshot", longer)),
        List.of(fixture.timestampKey.publicKey()));
    Map<String, byte[]> f = new LinkedHashMap<>(files);
    f.put("timestamp", timestamp);
    refused(() -> upToTimestamp(f).withSnapshot(snapshot), TufError.LENGTH_MISMATCH, "snapshot");
  }

  @Test
  void aRootRotationWithoutTheOldKey() {
    var newRootKey = TestKeys.ecdsa(51);
    TufPublicKey newCert = TestKeys.rootCertificate(newRootKey, GUN, NOW);
    RootMetadata old = repo.root().signed();
    Map<String, TufPublicKey> keys = new LinkedHashMap<>(old.keys());
    keys.put(newCert.id(), newCert);
    Map<String, RoleKeys> roles = new LinkedHashMap<>(old.roles());
    roles.put("root", new RoleKeys(List.of(newCert.id()), 1));
    RootMetadata body = old.withKeysAndRoles(keys, roles).withVersionAndExpiry(2, old.expires());
    byte[] onlyNew = MetadataWriter.encode(MetadataSigning.sign(body, List.of(),
        new InMemorySigner(List.of(newRootKey)), List.of(newCert), List.of()));
    TrustedSet trusted = TrustedSet.bootstrap(GUN, files.get("root"), NOW);
    refused(() -> trusted.withRoot(onlyNew), TufError.ROOT_ROTATION_FAILED, "root");
    // The same root is acceptable on first use: it meets its own threshold.
    assertThat(TrustedSet.bootstrap(GUN, onlyNew, NOW).root().signed().version()).isEqualTo(2);
  }

  @Test
  void certificateChecksOnRootKeys() {
    refused(() -> TrustedSet.bootstrap("example.com/other/repo", files.get("root"), NOW),
        TufError.CERT_CN_MISMATCH, "root");
    Instant longAgo = NOW.minus(Duration.ofDays(4000));
    var key = TestKeys.ecdsa(61);
    TufPublicKey expiredCert = TestKeys.rootCertificate(key, GUN, longAgo, longAgo.plus(Duration.ofDays(3650)));
    InMemorySigner signer = new InMemorySigner(List.of(key, fixture.targetsKey, fixture.snapshotKey, fixture.timestampKey));
    Repository old = new RepositoryEditor(signer, longAgo).initialize(GUN, List.of(expiredCert),
        fixture.targetsKey.publicKey(), fixture.snapshotKey.publicKey(), fixture.timestampKey.publicKey());
    refused(() -> TrustedSet.bootstrap(GUN, old.file("root").orElseThrow(), NOW), TufError.CERT_EXPIRED, "root");
    RootMetadata root = repo.root().signed();
    Map<String, TufPublicKey> keys = new LinkedHashMap<>(root.keys());
    keys.put(fixture.rootKey.publicKey().id(), fixture.rootKey.publicKey());
    Map<String, RoleKeys> roles = new LinkedHashMap<>(root.roles());
    roles.put("root", new RoleKeys(List.of(fixture.rootKey.publicKey().id()), 1));
    byte[] bare = signedBy(root.withKeysAndRoles(keys, roles), List.of(fixture.rootKey.publicKey()));
    refused(() -> TrustedSet.bootstrap(GUN, bare, NOW), TufError.ROOT_KEY_NOT_X509, "root");
  }

  @Test
  void aDelegatedTargetOutsideItsPaths() {
    Signed<TargetsMetadata> releases = repo.delegations().get("targets/releases");
    Map<String, FileMeta> targets = new LinkedHashMap<>(releases.signed().targets());
    targets.put("other/x", FileMeta.of(new byte[] {1}));
    byte[] forged = signedBy(releases.signed().withTargets(targets), List.of(fixture.releasesKey.publicKey()));
    TrustedSet set = TestRepository.verify(fixture.withFiles(repo, Map.of("targets/releases", forged)), NOW);
    assertThat(set.findTarget("releases/r1")).isPresent();
    assertThat(set.findTarget("other/x")).isEmpty();
    refused(() -> set.targetIn("targets/releases", "other/x"), TufError.DELEGATION_PATH_VIOLATION, "targets/releases");
  }

  @Test
  void delegationsMustBeDelegatedAndListed() {
    TrustedSet set = TrustedSet.bootstrap(GUN, files.get("root"), NOW).withTimestamp(files.get("timestamp"))
        .withSnapshot(files.get("snapshot")).withTargets(files.get("targets"));
    refused(() -> set.withDelegation("targets/other", files.get("targets/releases")),
        TufError.UNKNOWN_DELEGATION, "targets/other");
    refused(() -> set.withDelegation("targets/releases/sub", files.get("targets/releases")),
        TufError.MISSING_PREREQUISITE, "targets/releases/sub");
    Map<String, byte[]> f = fixture.withFiles(repo, Map.of());
    Map<String, FileMeta> meta = new LinkedHashMap<>();
    meta.put("root", FileMeta.of(f.get("root")));
    meta.put("targets", FileMeta.of(f.get("targets")));
    Signed<SnapshotMetadata> snapshot = fixture.editor.nextSnapshot(repo.root().signed(), java.util.Optional.empty(), meta);
    byte[] snapshotBytes = MetadataWriter.encode(snapshot);
    byte[] timestamp = MetadataWriter.encode(fixture.editor.nextTimestamp(repo.root().signed(), java.util.Optional.empty(), snapshotBytes));
    TrustedSet unlisted = TrustedSet.bootstrap(GUN, f.get("root"), NOW).withTimestamp(timestamp)
        .withSnapshot(snapshotBytes).withTargets(f.get("targets"));
    refused(() -> unlisted.withDelegation("targets/releases", f.get("targets/releases")),
        TufError.MISSING_META, "targets/releases");
  }

  @Test
  void aRootMissingABaseRoleIsInvalid() {
    RootMetadata root = repo.root().signed();
    Map<String, RoleKeys> roles = new LinkedHashMap<>(root.roles());
    roles.remove(RoleNames.TIMESTAMP);
    byte[] partial = signedBy(root.withKeysAndRoles(root.keys(), roles), List.of(fixture.rootCert));
    refused(() -> TrustedSet.bootstrap(GUN, partial, NOW), TufError.INVALID_STRUCTURE, "root");
  }

  @Test
  void aTamperedSnapshotIsRefusedByItsTimestampHash() {
    Map<String, byte[]> f = new LinkedHashMap<>(files);
    SnapshotMetadata body = repo.snapshot().orElseThrow().signed();
    f.put("snapshot", signedBy(body.withVersionAndExpiry(body.version() + 1, body.expires()),
        List.of(fixture.snapshotKey.publicKey())));
    // Same length (version 3 -> 4), other bytes.
    assertThat(f.get("snapshot")).hasSameSizeAs(files.get("snapshot"));
    refused(() -> TestRepository.verify(f, NOW), TufError.HASH_MISMATCH, "snapshot");
  }
}
