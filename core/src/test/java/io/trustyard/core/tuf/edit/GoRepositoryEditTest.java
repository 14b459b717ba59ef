package io.trustyard.core.tuf.edit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.tuf.NotaryVectors;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The editor continues a repository the Go notary made, with the Go key files: targets and the
 * delegation get their next versions, and a timestamp-key rotation signed by the Go root key
 * lets a client that trusts the Go root follow to metadata we made.
 */
class GoRepositoryEditTest {
  private static final Map<String, String> KEY_FILES = Map.of(
      "9a5e4ba9d5127507b4e88974387ad3714e73e0dc870844b75d5c7e149ad182af", "rootpassphrase",
      "3b25236152c3bb1b80797ccd81647a23cb8ebd68ea5a78acfa873d500927bb62", "targetspassphrase",
      "a9c4e84c3cbea304d0b82aafe41ab8af94299a2d318b9dbb2ac96ecd308c316a", "snapshotpassphrase",
      "0f69ac442e535d018f7cd2c6adf084ab4f33f772fcccb1ac12f551a534d17f77", "delegationpassphrase");

  private static TufPrivateKey goKey(String canonicalId) {
    byte[] pem = NotaryVectors.resource("/vectors/notary/trust_dir/private/" + canonicalId + ".key");
    return EncryptedKeyFiles.read(pem, KEY_FILES.get(canonicalId).toCharArray()).key();
  }

  private static TrustedSet goRepository() {
    return TrustedSet.verifyAll(NotaryVectors.GUN, NotaryVectors.NOW, NotaryVectors.metadata("root"),
        NotaryVectors.metadata("timestamp"), NotaryVectors.metadata("snapshot"), NotaryVectors.metadata("targets"),
        Map.of("targets/releases", NotaryVectors.metadata("targets/releases")));
  }

  @Test
  void goKeysSignTheNextVersionsAndAClientFollowsATimestampKeyRotation() {
    Repository go = Repository.of(goRepository());
    assertThat(go.files()).containsOnlyKeys("root", "targets", "targets/releases", "snapshot", "timestamp");
    assertThat(go.file("targets").orElseThrow()).isEqualTo(NotaryVectors.metadata("targets"));
    var ourTimestampKey = TestKeys.ed25519(81);
    List<TufPrivateKey> keys = KEY_FILES.keySet().stream().map(GoRepositoryEditTest::goKey).toList();
    InMemorySigner signer = new InMemorySigner(concat(keys, ourTimestampKey));
    Repository next = new RepositoryEditor(signer, NotaryVectors.NOW).edit(go)
        .rotateKeys(RoleNames.TIMESTAMP, List.of(ourTimestampKey.publicKey()), 1)
        .addTarget(RoleNames.TARGETS, "v2", FileMeta.of(NotaryVectors.resource("/vectors/notary/hello.txt")))
        .addTarget("targets/releases", "r2", FileMeta.of(NotaryVectors.resource("/vectors/notary/rel.pub")))
        .publish();
    assertThat(next.root().signed().version()).isEqualTo(2);
    assertThat(next.targets().signed().version()).isEqualTo(4);
    assertThat(next.delegations().get("targets/releases").signed().version()).isEqualTo(2);
    assertThat(next.snapshot().orElseThrow().signed().version()).isEqualTo(5);
    assertThat(next.timestamp().orElseThrow().signed().version()).isEqualTo(4);
    // The Go x509 root key signed, under the certificate's key ID.
    assertThat(next.root().signatures()).extracting(s -> s.keyId())
        .containsExactly("818b2e4c5551c2cd9975e5b2fdfd17698fcd839b181ec07ef28dac5d20793362");
    Map<String, byte[]> files = next.files();
    TrustedSet client = TrustedSet.bootstrap(NotaryVectors.GUN, NotaryVectors.metadata("root"), NotaryVectors.NOW)
        .withMinimumVersions(goRepository().versions())
        .withRoot(files.get("root")).withTimestamp(files.get("timestamp")).withSnapshot(files.get("snapshot"))
        .withTargets(files.get("targets")).withDelegation("targets/releases", files.get("targets/releases"));
    assertThat(client.findTarget("v1").orElseThrow().role()).isEqualTo("targets");
    assertThat(client.findTarget("v2").orElseThrow().role()).isEqualTo("targets");
    assertThat(client.findTarget("r1").orElseThrow().role()).isEqualTo("targets/releases");
    assertThat(client.findTarget("r2").orElseThrow().role()).isEqualTo("targets/releases");
  }

  private static List<TufPrivateKey> concat(List<TufPrivateKey> keys, TufPrivateKey more) {
    var all = new java.util.ArrayList<>(keys);
    all.add(more);
    return all;
  }
}
