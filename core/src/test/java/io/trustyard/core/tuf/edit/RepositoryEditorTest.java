package io.trustyard.core.tuf.edit;

import static io.trustyard.core.tuf.edit.TestRepository.GUN;
import static io.trustyard.core.tuf.edit.TestRepository.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.codec.MetadataLimits;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.codec.MetadataWriter;
import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.model.Signed;
import io.trustyard.core.tuf.model.TargetsMetadata;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/* The fixture is immutable and costly (keys, certificates, three signed versions): one per class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoryEditorTest {
  private final TestRepository fixture = new TestRepository();

  @Test
  void aNewRepositoryWithADelegationVerifiesAndReserialisesByteForByte() {
    Repository repo = fixture.released;
    TrustedSet set = TestRepository.verify(repo.files(), NOW);
    assertThat(set.findTarget("v1").orElseThrow().role()).isEqualTo("targets");
    assertThat(set.findTarget("releases/r1").orElseThrow().role()).isEqualTo("targets/releases");
    assertThat(set.findTarget("releases/r1").orElseThrow().meta().matches(TestRepository.CONTENT)).isTrue();
    assertThat(set.versions()).containsEntry("root", 1L).containsEntry("targets", 2L)
        .containsEntry("targets/releases", 1L).containsEntry("snapshot", 3L).containsEntry("timestamp", 3L);
    assertThat(set.targets("targets/releases").orElseThrow().paths()).containsExactly("releases/");
    repo.files().forEach((role, bytes) -> {
      Parsed<?> parsed = parse(role, bytes);
      assertThat(MetadataWriter.encode(parsed.metadata())).as(role).isEqualTo(bytes);
      assertThat(parsed.signedBytes()).as(role).isEqualTo(MetadataWriter.canonical(parsed.signed()));
    });
  }

  @Test
  void versionsGoUpByOneAndExpiriesFollowNotaryDefaults() {
    Repository repo = fixture.released;
    assertThat(repo.targets().signed().version()).isEqualTo(2);
    assertThat(repo.root().signed().expires().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
    assertThat(repo.targets().signed().expires().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1095)));
    assertThat(repo.delegations().get("targets/releases").signed().expires().toInstant())
        .isEqualTo(NOW.plus(Duration.ofDays(1095)));
    assertThat(repo.snapshot().orElseThrow().signed().expires().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1095)));
    assertThat(repo.timestamp().orElseThrow().signed().expires().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(14)));
    assertThat(repo.snapshot().orElseThrow().signed().meta()).containsOnlyKeys("root", "targets", "targets/releases");
    // The delegation change re-signed targets only: the root is the initial one.
    assertThat(fixture.delegated.root()).isEqualTo(fixture.initial.root());
    assertThat(fixture.delegated.targets().signed().delegations().keys())
        .containsOnlyKeys(fixture.releasesKey.publicKey().id());
  }

  @Test
  void removingADelegationDropsItsMetadataAndKeys() {
    Repository repo = fixture.editor.edit(fixture.released).removeDelegation("targets/releases")
        .removeTarget(RoleNames.TARGETS, "v1").publish();
    assertThat(repo.delegations()).isEmpty();
    assertThat(repo.targets().signed().delegations().roles()).isEmpty();
    assertThat(repo.targets().signed().delegations().keys()).isEmpty();
    assertThat(repo.targets().signed().targets()).isEmpty();
    assertThat(repo.snapshot().orElseThrow().signed().meta()).containsOnlyKeys("root", "targets");
    TrustedSet set = TestRepository.verify(repo.files(), NOW);
    assertThat(set.findTarget("releases/r1")).isEmpty();
  }

  @Test
  void delegationKeysAndPathsCanBeChanged() {
    TufPublicKey second = TestKeys.ecdsa(6).publicKey();
    Repository repo = fixture.editor.edit(fixture.released)
        .addDelegationKeys("targets/releases", List.of(second))
        .addDelegationPaths("targets/releases", List.of("beta/"))
        .removeDelegationPaths("targets/releases", List.of("releases/"))
        .publish();
    var entry = repo.targets().signed().delegations().role("targets/releases").orElseThrow();
    assertThat(entry.keyIds()).containsExactly(fixture.releasesKey.publicKey().id(), second.id());
    assertThat(entry.paths()).containsExactly("beta/");
    // releases/r1 is now outside the delegation's paths: the walk no longer finds it.
    TrustedSet set = TestRepository.verify(repo.files(), NOW);
    assertThat(set.findTarget("releases/r1")).isEmpty();
    assertThatThrownBy(() -> set.targetIn("targets/releases", "releases/r1"))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.DELEGATION_PATH_VIOLATION));
    Repository fewer = fixture.editor.edit(repo).removeDelegationKeys("targets/releases", List.of(second.id())).publish();
    assertThat(fewer.targets().signed().delegations().keys()).containsOnlyKeys(fixture.releasesKey.publicKey().id());
  }

  @Test
  void unknownFieldsSurviveTheNextVersion() {
    Signed<TargetsMetadata> targets = fixture.released.targets();
    TargetsMetadata withExtra = new TargetsMetadata(targets.signed().version(), targets.signed().expires(),
        targets.signed().targets(), targets.signed().delegations(),
        new io.trustyard.core.tuf.model.UnknownFields(Map.of("x-future",
            io.trustyard.core.json.Json.nodes().objectNode().put("kept", true))));
    List<TufPublicKey> keys = List.of(fixture.targetsKey.publicKey());
    Repository base = new Repository(GUN, fixture.released.root(),
        MetadataSigning.sign(withExtra, List.of(), fixture.signer, keys, keys), fixture.released.delegations(),
        java.util.Optional.empty(), java.util.Optional.empty());
    Repository next = fixture.editor.edit(base).addTarget(RoleNames.TARGETS, "v9", FileMeta.of(TestRepository.CONTENT))
        .publish();
    assertThat(next.targets().signed().unknown().fields()).containsOnlyKeys("x-future");
    assertThat(new String(next.file("targets").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"x-future\":{\"kept\":true}");
    assertThat(TestRepository.verify(next.files(), NOW).findTarget("v9")).isPresent();
  }

  @Test
  void theOwnerRevokesADelegateWithoutHoldingTheDelegationKey() {
    var replacement = TestKeys.ecdsa(23);
    InMemorySigner owner = new InMemorySigner(List.of(fixture.rootKey, fixture.targetsKey, fixture.snapshotKey,
        fixture.timestampKey));
    Repository revoked = new RepositoryEditor(owner, NOW).edit(fixture.released)
        .addDelegationKeys("targets/releases", List.of(replacement.publicKey()))
        .removeDelegationKeys("targets/releases", List.of(fixture.releasesKey.publicKey().id()))
        .publish();
    // The delegation's metadata is unchanged and no longer verifies: clients skip it.
    assertThat(revoked.delegations().get("targets/releases")).isEqualTo(fixture.released.delegations().get("targets/releases"));
    Map<String, byte[]> files = revoked.files();
    TrustedSet set = TrustedSet.bootstrap(GUN, files.get("root"), NOW).withTimestamp(files.get("timestamp"))
        .withSnapshot(files.get("snapshot")).withTargets(files.get("targets"));
    assertThatThrownBy(() -> set.withDelegation("targets/releases", files.get("targets/releases")))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.THRESHOLD_NOT_MET));
    assertThat(set.findTarget("releases/r1")).isEmpty();
    // Signing into it now needs the new delegate's key.
    assertThatThrownBy(() -> new RepositoryEditor(owner, NOW).edit(revoked)
        .addTarget("targets/releases", "releases/r2", FileMeta.of(TestRepository.CONTENT)).publish())
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.THRESHOLD_NOT_MET));
  }

  @Test
  void aTargetOutsideTheDelegationsPathsIsRefusedByTheEditor() {
    assertThatThrownBy(() -> fixture.editor.edit(fixture.released)
        .addTarget("targets/releases", "other/x", FileMeta.of(TestRepository.CONTENT)))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.DELEGATION_PATH_VIOLATION));
  }

  @Test
  void nestedDelegationsStayWithinTheirParentsPaths() {
    var subKey = TestKeys.ecdsa(7);
    assertThatThrownBy(() -> fixture.editor.edit(fixture.released)
        .putDelegation("targets/releases/sub", List.of(subKey.publicKey()), 1, List.of("other/")))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.DELEGATION_PATH_VIOLATION));
    InMemorySigner signer = new InMemorySigner(List.of(fixture.rootKey, fixture.targetsKey, fixture.snapshotKey,
        fixture.timestampKey, fixture.releasesKey, subKey));
    Repository nested = new RepositoryEditor(signer, NOW).edit(fixture.released)
        .putDelegation("targets/releases/sub", List.of(subKey.publicKey()), 1, List.of("releases/sub/"))
        .addTarget("targets/releases/sub", "releases/sub/s1", FileMeta.of(TestRepository.CONTENT))
        .publish();
    TrustedSet set = TestRepository.verify(nested.files(), NOW);
    assertThat(set.findTarget("releases/sub/s1").orElseThrow().role()).isEqualTo("targets/releases/sub");
    assertThat(set.targets("targets/releases/sub").orElseThrow().paths()).containsExactly("releases/sub/");
  }

  @Test
  void certificateDelegationKeysSignAndWeakCertificatesAreRefused() {
    var certKey = TestKeys.ecdsa(8);
    TufPublicKey cert = TestKeys.rootCertificate(certKey, "targets/certified", NOW);
    InMemorySigner signer = new InMemorySigner(List.of(fixture.rootKey, fixture.targetsKey, fixture.snapshotKey,
        fixture.timestampKey, certKey));
    Repository repo = new RepositoryEditor(signer, NOW).edit(fixture.released)
        .putDelegation("targets/certified", List.of(cert), 1, List.of(""))
        .addTarget("targets/certified", "c1", FileMeta.of(TestRepository.CONTENT))
        .publish();
    assertThat(repo.delegations().get("targets/certified").signatures()).extracting(s -> s.keyId())
        .containsExactly(cert.id());
    assertThat(TestRepository.verify(repo.files(), NOW).findTarget("c1").orElseThrow().role())
        .isEqualTo("targets/certified");
    var weak = TestKeys.weakRsa(9);
    TufPublicKey weakCert = TestKeys.rootCertificate(weak, "targets/weak", NOW);
    assertThatThrownBy(() -> fixture.editor.edit(fixture.released)
        .putDelegation("targets/weak", List.of(weakCert), 1, List.of("")))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.CERT_INVALID));
  }

  @Test
  void rotatingTheRootKeySignsWithOldAndNewKeysAndClientsFollow() {
    var newRootKey = TestKeys.ecdsa(11);
    TufPublicKey newCert = TestKeys.rootCertificate(newRootKey, GUN, NOW);
    var newTargetsKey = TestKeys.ecdsa(12);
    InMemorySigner signer = new InMemorySigner(List.of(fixture.rootKey, newRootKey, newTargetsKey,
        fixture.snapshotKey, fixture.timestampKey, fixture.releasesKey));
    Repository rotated = new RepositoryEditor(signer, NOW).edit(fixture.released)
        .rotateKeys(RoleNames.ROOT, List.of(newCert), 1)
        .rotateKeys(RoleNames.TARGETS, List.of(newTargetsKey.publicKey()), 1)
        .publish();
    assertThat(rotated.root().signed().version()).isEqualTo(2);
    assertThat(rotated.root().signatures()).extracting(s -> s.keyId())
        .containsExactlyInAnyOrder(newCert.id(), fixture.rootCert.id());
    // The old root certificate stays among the keys; the old targets key goes.
    assertThat(rotated.root().signed().keys()).containsKey(fixture.rootCert.id())
        .doesNotContainKey(fixture.targetsKey.publicKey().id());
    assertThat(rotated.targets().signed().version()).isEqualTo(3);
    // A client that trusts version 1 follows the rotation and verifies the rest with the new root.
    Map<String, byte[]> files = rotated.files();
    TrustedSet set = TrustedSet.bootstrap(GUN, fixture.released.file("root").orElseThrow(), NOW)
        .withRoot(files.get("root")).withTimestamp(files.get("timestamp")).withSnapshot(files.get("snapshot"))
        .withTargets(files.get("targets")).withDelegation("targets/releases", files.get("targets/releases"));
    assertThat(set.findTarget("releases/r1")).isPresent();
  }

  @Test
  void withoutTheSnapshotAndTimestampKeysTheServerMakesThoseRoles() {
    InMemorySigner client = new InMemorySigner(List.of(fixture.rootKey, fixture.targetsKey, fixture.releasesKey));
    Repository repo = new RepositoryEditor(client, NOW).edit(fixture.released)
        .addTarget(RoleNames.TARGETS, "v2", FileMeta.of(TestRepository.CONTENT)).publish();
    assertThat(repo.snapshot()).isEmpty();
    assertThat(repo.timestamp()).isEmpty();
    assertThat(repo.targets().signed().version()).isEqualTo(3);
    // The server side: snapshot and timestamp over the uploaded bytes, with the server's keys.
    Map<String, byte[]> files = fixture.withFiles(fixture.released, Map.of("targets", repo.file("targets").orElseThrow()));
    assertThat(TestRepository.verify(files, NOW).findTarget("v2")).isPresent();
  }

  @Test
  void cosigningKeepsOtherPartiesValidSignaturesAndDropsTheRest() {
    var second = TestKeys.ecdsa(21);
    var outsider = TestKeys.ecdsa(22);
    List<TufPublicKey> roleKeys = List.of(fixture.targetsKey.publicKey(), second.publicKey());
    Signed<TargetsMetadata> byFirst = fixture.released.targets();
    Signed<TargetsMetadata> byOutsiderToo = new Signed<>(byFirst.signed(), concat(byFirst.signatures(),
        new InMemorySigner(List.of(outsider)).sign(MetadataWriter.canonical(byFirst.signed()), List.of(outsider.publicKey()))));
    Signed<TargetsMetadata> cosigned = new RepositoryEditor(new InMemorySigner(List.of(second)), NOW)
        .cosign(byOutsiderToo, roleKeys);
    assertThat(cosigned.signatures()).extracting(s -> s.keyId())
        .containsExactly(second.publicKey().id(), fixture.targetsKey.publicKey().id());
    assertThat(cosigned.signed()).isEqualTo(byFirst.signed());
    // A signature that no longer matches the body is not kept.
    TargetsMetadata changed = byFirst.signed().withVersionAndExpiry(9, byFirst.signed().expires());
    Signed<TargetsMetadata> stale = new RepositoryEditor(new InMemorySigner(List.of(second)), NOW)
        .cosign(new Signed<>(changed, byFirst.signatures()), roleKeys);
    assertThat(stale.signatures()).extracting(s -> s.keyId()).containsExactly(second.publicKey().id());
  }

  @Test
  void theEditorRefusesToReturnMetadataItsSignerCannotMakeValid() {
    InMemorySigner noTargetsKey = new InMemorySigner(List.of(fixture.rootKey, fixture.snapshotKey, fixture.timestampKey));
    assertThatThrownBy(() -> new RepositoryEditor(noTargetsKey, NOW).edit(fixture.released)
        .addTarget(RoleNames.TARGETS, "v2", FileMeta.of(TestRepository.CONTENT)).publish())
        .isInstanceOfSatisfying(TufException.class, e -> {
          assertThat(e.error()).isEqualTo(TufError.THRESHOLD_NOT_MET);
          assertThat(e.role()).isEqualTo("targets");
        });
    var newRootKey = TestKeys.ecdsa(31);
    InMemorySigner onlyNewRoot = new InMemorySigner(List.of(newRootKey, fixture.snapshotKey, fixture.timestampKey));
    assertThatThrownBy(() -> new RepositoryEditor(onlyNewRoot, NOW).edit(fixture.released)
        .rotateKeys(RoleNames.ROOT, List.of(TestKeys.rootCertificate(newRootKey, GUN, NOW)), 1).publish())
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.ROOT_ROTATION_FAILED));
    assertThatThrownBy(() -> fixture.editor.initialize(GUN,
        List.of(TestKeys.rootCertificate(fixture.rootKey, "example.com/someone/else", NOW)),
        fixture.targetsKey.publicKey(), fixture.snapshotKey.publicKey(), fixture.timestampKey.publicKey()))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.CERT_CN_MISMATCH));
    assertThatThrownBy(() -> fixture.editor.initialize(GUN, List.of(fixture.rootKey.publicKey()),
        fixture.targetsKey.publicKey(), fixture.snapshotKey.publicKey(), fixture.timestampKey.publicKey()))
        .isInstanceOfSatisfying(TufException.class, e -> assertThat(e.error()).isEqualTo(TufError.ROOT_KEY_NOT_X509));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    var all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static Parsed<?> parse(String role, byte[] bytes) {
    long max = MetadataLimits.MAX_DOWNLOAD_SIZE;
    return switch (role) {
      case "root" -> MetadataReader.root(bytes, max);
      case "snapshot" -> MetadataReader.snapshot(bytes, max);
      case "timestamp" -> MetadataReader.timestamp(bytes, max);
      default -> MetadataReader.targets(role, bytes, max);
    };
  }
}
