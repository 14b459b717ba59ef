package io.trustyard.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.client.image.ImagePuller;
import io.trustyard.client.image.ImagePusher;
import io.trustyard.client.trust.PromptPassphrases;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' walkthrough against our registry and our trust server: trusted push with docker's
 * prompts and messages, trusted pull from a second trust dir, the real notary and docker CLIs
 * reading what we signed, keys shared both ways, unsigned tags, tampering and expiry.
 */
class OurStackTrustTest {
  @TempDir Path dir;
  OurStack stack;
  TrustFixture alice;
  TrustFixture bob;
  String gun;
  String image;

  @BeforeEach
  void start() throws Exception {
    stack = new OurStack(dir);
    alice = new TrustFixture(dir.resolve("alice"), stack.trustUrl(), stack.caCert);
    bob = new TrustFixture(dir.resolve("bob"), stack.trustUrl(), stack.caCert);
    gun = stack.registryHost() + "/test/trusttest";
    image = gun + ":latest";
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  /** Answers prompts from a script and records them, like a person at docker's terminal. */
  static final class Typist implements PromptPassphrases.Terminal {
    final StringBuilder screen = new StringBuilder();
    final Deque<String> answers;

    Typist(String... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public void print(String text) {
      screen.append(text);
    }

    @Override
    public char[] readPassword() {
      String a = answers.poll();
      return a == null ? null : a.toCharArray();
    }
  }

  Peers.Result notary(Path trustDir, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("notary", "-s", stack.trustUrl(), "--tlscacert",
        stack.caCert.toString(), "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    return Peers.run(dir, Map.of("NOTARY_ROOT_PASSPHRASE", "root-passphrase-1",
        "NOTARY_TARGETS_PASSPHRASE", "repo-passphrase-1", "NOTARY_SNAPSHOT_PASSPHRASE", "repo-passphrase-1"), cmd);
  }

  @Test
  void pushSignsWithDockersPromptsAndASecondTrustDirPullsAndVerifies() {
    List<Digest> digests = alice.storeImage(image, 1);
    Typist typist = new Typist("root-passphrase-1", "root-passphrase-1", "repo-passphrase-1", "repo-passphrase-1");
    alice.prompt = new PromptPassphrases(typist, PromptPassphrases.DOCKER_ALIASES);

    ImagePusher.Result pushed = alice.push(image);

    assertThat(pushed.digest()).isEqualTo(digests.get(3));
    assertThat(alice.out).containsExactly("Signing and pushing trust metadata", "Finished initializing \"" + gun + "\"",
        "Successfully signed \"" + gun + "\":latest");
    String screen = typist.screen.toString();
    assertThat(screen).startsWith(PromptPassphrases.ROOT_KEY_WARNING + "\nEnter passphrase for new root key with ID ")
        .containsPattern("Repeat passphrase for new root key with ID [0-9a-f]{7}: ")
        .containsPattern("Enter passphrase for new repository key with ID [0-9a-f]{7} \\(" + gun.replace(".", "\\.") + "\\): ");
    assertThat(alice.trustDir().resolve("private")).isDirectoryContaining(p -> p.toString().endsWith(".key"));

    ImagePuller.Result pulled = bob.pull(image);

    assertThat(pulled.resolvedDigest()).isEqualTo(pushed.digest());
    assertThat(bob.out).containsExactly("Pull (1 of 1): " + gun + ":latest@" + pushed.digest());
    assertThat(bob.store.get(image)).hasValueSatisfying(i -> assertThat(i.manifest().digest()).isEqualTo(pushed.digest()));
    assertThat(bob.trustDir().resolve("tuf/" + gun + "/metadata/root.json")).exists();

    String listed = notary(dir.resolve("carol"), "list", gun).ok().output();
    assertThat(listed).contains("latest").contains(pushed.digest().hex()).contains(Long.toString(pushed.length()))
        .contains("targets");

    Peers.Result inspect = Peers.run(dir, Map.of("DOCKER_CONFIG", bob.dockerConfig.toString(),
        "DOCKER_CONTENT_TRUST_SERVER", stack.trustUrl()), List.of("docker", "trust", "inspect", image));
    assertThat(inspect.ok().output()).contains("\"SignedTag\": \"latest\"").contains(pushed.digest().hex())
        .contains("\"Name\": \"Root\"");
  }

  @Test
  void aRootKeyFromNotaryInitIsUsedAndOurKeysSignInTheNotaryCli() throws Exception {
    notary(alice.trustDir(), "init", gun).ok();
    Path rootFile;
    try (var files = Files.list(alice.trustDir().resolve("private"))) {
      rootFile = files.filter(p -> readString(p).contains("role: root")).findFirst().orElseThrow();
    }
    String rootId = rootFile.getFileName().toString().replace(".key", "");
    alice.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    // notary init cached an unpublished repository; docker publishes from the server's view.
    alice.storeImage(image, 2);

    ImagePusher.Result pushed = alice.push(image);

    assertThat(alice.warnings).contains("Root key found, using: " + rootId);
    String listed = notary(dir.resolve("carol"), "list", gun).ok().output();
    assertThat(listed).contains("latest").contains(pushed.digest().hex());

    // The real CLI signs a new target with the targets key we created.
    Path payload = Files.writeString(dir.resolve("payload"), "payload\n");
    notary(alice.trustDir(), "add", gun, "v2", payload.toString()).ok();
    assertThat(notary(alice.trustDir(), "publish", gun).ok().output()).contains("Successfully published");
    assertThat(notary(dir.resolve("dave"), "list", gun).ok().output()).contains("v2").contains("latest");
  }

  static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anUnsignedRepositoryOrTagIsRefusedButAPullByDigestWorks() {
    List<Digest> digests = alice.storeImage(image, 3);
    alice.pushWithoutTrust(image);

    assertThatThrownBy(() -> bob.pull(image))
        .isInstanceOf(TrustException.class)
        .hasMessage("remote trust data does not exist for " + gun + ": 127.0.0.1:" + stack.trust.port()
            + " does not have trust data for " + gun);
    assertThat(bob.store.images()).isEmpty();

    ImagePuller.Result byDigest = bob.pull(gun + "@" + digests.get(3));
    assertThat(byDigest.resolvedDigest()).isEqualTo(digests.get(3));

    alice.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    alice.push(image);
    alice.store.tag(image, gun + ":unsigned");
    alice.pushWithoutTrust(gun + ":unsigned");
    assertThatThrownBy(() -> bob.pull(gun + ":unsigned"))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.TARGET_NOT_FOUND))
        .hasMessage("No trust data for unsigned");
  }

  @Test
  void aTagRepointedInTheRegistryStillGivesTheSignedImage() {
    alice.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    Digest signed = alice.storeImage(image, 4).get(3);
    alice.push(image);
    Digest other = alice.storeImage(image, 5).get(3);
    alice.pushWithoutTrust(image);

    bob.pullsExactly(image, signed, other);
  }

  @Test
  void theSeedsMaliciousLayerIsRefusedAndLeavesNoTrace() throws Exception {
    alice.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    List<Digest> digests = alice.storeImage(image, 6);
    alice.push(image);
    Files.writeString(stack.blobData(digests.get(1).hex()), "Malicious data\n", StandardCharsets.UTF_8);
    alice.store.remove(image);
    alice.store.collectGarbage();

    assertThatThrownBy(() -> alice.pull(image)).hasMessageContaining(digests.get(1).hex().substring(0, 12));
    assertThat(alice.store.images()).isEmpty();
    assertThat(alice.store.hasBlob(digests.get(1))).isFalse();
    assertThat(alice.store.hasBlob(digests.get(3))).isFalse();
  }

  @Test
  void expiredTrustDataIsRefusedWithAClearError() {
    alice.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    alice.storeImage(image, 7);
    alice.push(image);
    bob.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(15));

    assertThatThrownBy(() -> bob.pull(image))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.EXPIRED))
        .hasMessageContaining("timestamp").hasMessageContaining("expired");
    assertThat(bob.store.images()).isEmpty();
  }

  @Test
  void aManifestReplacedInTheRegistrysStorageIsNeverPulled() throws Exception {
    alice.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    List<Digest> digests = alice.storeImage(image, 8);
    alice.push(image);
    Path manifest = stack.blobData(digests.get(3).hex());
    Files.writeString(manifest, Files.readString(manifest).replace("\"schemaVersion\":2", "\"schemaVersion\": 2"));

    assertThatThrownBy(() -> bob.pull(image)).hasMessageContaining(digests.get(3).toString());
    assertThat(bob.store.images()).isEmpty();
    for (Digest d : digests) {
      assertThat(bob.store.hasBlob(d)).as(d.toString()).isFalse();
    }
  }

  /**
   * Alice pushes twice; Bob pulls the second version, so his trust dir holds timestamp and snapshot
   * version 2. Then the trust server's database is restored from a backup taken between the pushes.
   */
  private long pushTwiceAndRestoreTheServerToTheFirst() {
    alice.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    alice.storeImage(image, 9);
    alice.push(image);
    long backup = stack.backupMark();
    alice.store.tag(image, gun + ":v2");
    alice.push(gun + ":v2");
    bob.pull(gun + ":v2");
    notary(dir.resolve("dave"), "list", gun).ok(); // the notary CLI caches version 2 too
    assertThat(cachedVersion(bob, "timestamp")).isEqualTo(2);
    assertThat(cachedVersion(bob, "snapshot")).isEqualTo(2);
    stack.restoreBackup(backup);
    return backup;
  }

  long cachedVersion(TrustFixture user, String role) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          user.trustDir().resolve("tuf/" + gun + "/metadata/" + role + ".json").toFile()).path("signed").path("version")
          .asLong();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Dave's notary trust dir listed the repository at version 2 before the restore. */
  void assertTheNotaryCliRefusesTheRollback() {
    Peers.Result listed = notary(dir.resolve("dave"), "list", gun);
    assertThat(listed.exitCode()).isNotZero();
    assertThat(listed.output()).contains("version 1 is lower than current version 2");
  }

  @Test
  void aTimestampRolledBackOnTheServerIsRefusedAndTheCacheKept() throws Exception {
    pushTwiceAndRestoreTheServerToTheFirst();

    assertThatThrownBy(() -> bob.pull(image))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.ROLLBACK))
        .hasMessage("trust data rolled back: timestamp: version 1 is older than the trusted version 2"
            + " (possible rollback attack)");
    assertThat(bob.store.get(image)).isEmpty();
    assertThat(cachedVersion(bob, "timestamp")).isEqualTo(2);
    assertTheNotaryCliRefusesTheRollback();

    // The restored data is validly signed: a user who never saw version 2 accepts it.
    TrustFixture carol = new TrustFixture(dir.resolve("carol"), stack.trustUrl(), stack.caCert);
    carol.pull(image);
    assertThat(cachedVersion(carol, "timestamp")).isEqualTo(1);
  }

  @Test
  void aSnapshotRolledBackUnderAFreshTimestampIsRefused() throws Exception {
    pushTwiceAndRestoreTheServerToTheFirst();
    // The restored timestamp has expired by now, so the server signs a fresh one over the restored snapshot.
    stack.serverClock.advance(Duration.ofDays(15));
    byte[] bobTimestamp = Files.readAllBytes(bob.trustDir().resolve("tuf/" + gun + "/metadata/timestamp.json"));

    assertThatThrownBy(() -> bob.pull(image))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.ROLLBACK))
        .hasMessage("trust data rolled back: snapshot: version 1 is older than the trusted version 2"
            + " (possible rollback attack)");
    assertThat(bob.store.get(image)).isEmpty();
    assertThat(cachedVersion(bob, "snapshot")).isEqualTo(2);
    assertThat(Files.readAllBytes(bob.trustDir().resolve("tuf/" + gun + "/metadata/timestamp.json")))
        .isEqualTo(bobTimestamp);
    byte[] daveTimestamp = Files.readAllBytes(dir.resolve("dave/tuf/" + gun + "/metadata/timestamp.json"));
    assertTheNotaryCliRefusesTheRollback();
    // notary caches the fresh timestamp before it checks the snapshot; we write nothing (see client-trust-notes.md).
    assertThat(Files.readAllBytes(dir.resolve("dave/tuf/" + gun + "/metadata/timestamp.json"))).isNotEqualTo(daveTimestamp);

    TrustFixture carol = new TrustFixture(dir.resolve("carol"), stack.trustUrl(), stack.caCert);
    carol.pull(image);
    assertThat(cachedVersion(carol, "timestamp")).isEqualTo(2);
    assertThat(cachedVersion(carol, "snapshot")).isEqualTo(1);
  }

  @Test
  void anUnreachableServerAndAnUntrustedCaAreNamed() throws Exception {
    bob.env.put("DOCKER_CONTENT_TRUST_SERVER", "https://127.0.0.1:1");
    assertThatThrownBy(() -> bob.pull(image))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.UNREACHABLE))
        .hasMessageContaining("could not reach the trust server https://127.0.0.1:1");

    TrustFixture noCa = new TrustFixture(dir.resolve("noca"), stack.trustUrl(), stack.caCert);
    Files.delete(noCa.dockerConfig.resolve("tls/127.0.0.1:" + stack.trust.port() + "/ca.crt"));
    assertThatThrownBy(() -> noCa.pull(image))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.TLS))
        .hasMessageContaining("TLS");
  }
}
