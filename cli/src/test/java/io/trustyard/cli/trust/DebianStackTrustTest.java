package io.trustyard.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.client.VerificationException;
import io.trustyard.client.image.ImagePuller;
import io.trustyard.client.image.ImagePusher;
import io.trustyard.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client against Debian's docker-registry and the real notary-server signing with the real
 * notary-signer: trusted push and pull, read back by the real notary and docker CLIs, and the
 * seeds' malicious-image tests where the registry serves whatever its disk holds, so only the
 * client's verification stands between the tampered bytes and the image store. One stack for the
 * class; each test has its own repository and users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebianStackTrustTest {
  Path stackDir;
  Path dir;
  DebianStack stack;
  TrustFixture alice;
  TrustFixture bob;
  String gun;
  String image;
  int repositories;

  @BeforeAll
  void startStack(@TempDir Path tempDir) throws Exception {
    stackDir = tempDir;
    stack = new DebianStack(stackDir);
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void users() throws Exception {
    dir = Files.createDirectories(stackDir.resolve("test-" + ++repositories));
    alice = new TrustFixture(dir.resolve("alice"), stack.trustUrl(), stack.caCert);
    bob = new TrustFixture(dir.resolve("bob"), stack.trustUrl(), stack.caCert);
    alice.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    gun = stack.registryHost() + "/test/trusttest" + repositories;
    image = gun + ":latest";
  }

  @Test
  void pushSignsAndASecondTrustDirPullsAndVerifiesTimestampsSignedByNotarySigner() throws Exception {
    alice.storeImage(image, 11);
    ImagePusher.Result pushed = alice.push(image);
    assertThat(alice.out).containsExactly("Signing and pushing trust metadata", "Finished initializing \"" + gun + "\"",
        "Successfully signed \"" + gun + "\":latest");

    ImagePuller.Result pulled = bob.pull(image);
    assertThat(pulled.resolvedDigest()).isEqualTo(pushed.digest());

    List<String> cmd = new ArrayList<>(List.of("notary", "-s", stack.trustUrl(), "--tlscacert", stack.caCert.toString(),
        "-d", dir.resolve("carol").toString(), "list", gun));
    assertThat(Peers.run(dir, Map.of(), cmd).ok().output()).contains("latest").contains(pushed.digest().hex())
        .contains(Long.toString(pushed.length()));

    Peers.Result inspect = Peers.run(dir, Map.of("DOCKER_CONFIG", bob.dockerConfig.toString(),
        "DOCKER_CONTENT_TRUST_SERVER", stack.trustUrl()), List.of("docker", "trust", "inspect", image));
    assertThat(inspect.ok().output()).contains("\"SignedTag\": \"latest\"").contains(pushed.digest().hex())
        .contains("\"Name\": \"Root\"");

    // notary-server had notary-signer create the timestamp key and sign with it.
    List<String> timestampKeys = stack.signerKeyIds(gun, "timestamp");
    assertThat(timestampKeys).hasSize(1);
    JsonNode timestamp = new ObjectMapper().readTree(
        bob.trustDir().resolve("tuf/" + gun + "/metadata/timestamp.json").toFile());
    assertThat(timestamp.path("signatures").get(0).path("keyid").asText()).isEqualTo(timestampKeys.get(0));

    // A second push to the existing repository signs with the cached keys and only the repository passphrase.
    alice.env.remove("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE");
    alice.store.tag(image, gun + ":v2");
    alice.out.clear();
    alice.push(gun + ":v2");
    assertThat(alice.out).containsExactly("Signing and pushing trust metadata", "Successfully signed \"" + gun + "\":v2");
    assertThat(bob.pull(gun + ":v2").resolvedDigest()).isEqualTo(pushed.digest());
  }

  @Test
  void theSeedsMaliciousLayerFailsVerificationNamingTheBlobAndLeavesNoTrace() throws Exception {
    List<Digest> digests = alice.storeImage(image, 12);
    alice.push(image);
    Files.writeString(stack.blobData(digests.get(0).hex()), "Malicious data\n", StandardCharsets.UTF_8);
    alice.store.remove(image);
    alice.store.collectGarbage();

    assertRefusedLeavingNoTrace(alice, "blob " + digests.get(0), digests);
  }

  /** The pull fails verification naming {@code named}, and {@code user}'s store has none of {@code digests}. */
  void assertRefusedLeavingNoTrace(TrustFixture user, String named, List<Digest> digests) {
    assertThatThrownBy(() -> user.pull(image))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining(named)
        .hasMessageContaining("failed verification");
    assertThat(user.store.images()).isEmpty();
    for (Digest d : digests) {
      assertThat(user.store.hasBlob(d)).as(d.toString()).isFalse();
    }
  }

  @Test
  void aManifestReplacedInTheRegistryFailsVerification() throws Exception {
    List<Digest> digests = alice.storeImage(image, 13);
    alice.push(image);
    stack.rewriteBlob(digests.get(3), "\"schemaVersion\":2", "\"schemaVersion\": 2");

    assertRefusedLeavingNoTrace(bob, digests.get(3).toString(), digests);
  }

  @Test
  void aConfigBlobTamperedInTheRegistryFailsVerificationNamingItAndLeavesNoTrace() throws Exception {
    List<Digest> digests = alice.storeImage(image, 14);
    alice.push(image);
    // Same length, different platform: a client that trusted the bytes before checking them would act on it.
    stack.rewriteBlob(digests.get(2), "\"amd64\"", "\"arm64\"");

    assertRefusedLeavingNoTrace(bob, "blob " + digests.get(2), digests);
  }

  @Test
  void aTagRepointedInTheRegistryStillGivesTheSignedImage() {
    Digest signed = alice.storeImage(image, 15).get(3);
    alice.push(image);
    Digest other = alice.storeImage(image, 16).get(3);
    alice.pushWithoutTrust(image);

    bob.pullsExactly(image, signed, other);
  }
}
