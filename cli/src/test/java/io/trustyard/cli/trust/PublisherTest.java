package io.trustyard.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.client.image.ImagePusher;
import io.trustyard.client.notary.NotaryRepository;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.oci.Reference;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against our trust server: key rotations (local and server-managed), delegations, key errors. */
class PublisherTest {
  @TempDir Path dir;
  OurStack stack;
  TrustFixture alice;
  TrustFixture bob;
  String gun;

  @BeforeEach
  void start() throws Exception {
    stack = new OurStack(dir);
    alice = new TrustFixture(dir.resolve("alice"), stack.trustUrl(), stack.caCert);
    bob = new TrustFixture(dir.resolve("bob"), stack.trustUrl(), stack.caCert);
    for (TrustFixture f : List.of(alice, bob)) {
      f.env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
      f.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    }
    gun = stack.registryHost() + "/team/app";
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  NotaryRepository repo(TrustFixture who) {
    return who.setup().open(Reference.parse(gun + ":any"));
  }

  static Change add(String role, String name, String content) {
    FileMeta meta = FileMeta.of(content.getBytes(StandardCharsets.UTF_8));
    String json = "{\"length\":" + meta.length() + ",\"hashes\":{\"sha256\":\""
        + Base64.getEncoder().encodeToString(meta.hash("sha256").orElseThrow()) + "\"}}";
    return new Change(Change.CREATE, role, Change.TYPE_TARGET, name, Optional.of(json.getBytes(StandardCharsets.UTF_8)));
  }

  String notaryList(String trustDirName) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", stack.trustUrl(), "--tlscacert", stack.caCert.toString(),
        "-d", dir.resolve(trustDirName).toString(), "list", gun));
    return Peers.run(dir, Map.of(), cmd).ok().output();
  }

  @Test
  void keysRotateLocallyAndToTheServerAndReadersFollow() {
    NotaryRepository.Published first = repo(alice).publish(List.of(add(RoleNames.TARGETS, "v1", "one")), NotaryRepository.Creation.NOTARY);
    assertThat(first.initialized()).isTrue();
    assertThat(first.uploaded()).containsExactlyInAnyOrder("root", "targets", "snapshot");
    assertThat(repo(bob).update().findTarget("v1")).isPresent();
    assertThat(notaryList("carol")).contains("v1");

    NotaryRepository.Published snapshotToServer = repo(alice).rotateKey(RoleNames.SNAPSHOT, true);
    assertThat(snapshotToServer.uploaded()).containsExactly("root");
    NotaryRepository.Published second = repo(alice).publish(List.of(add(RoleNames.TARGETS, "v2", "two")), NotaryRepository.Creation.NOTARY);
    assertThat(second.uploaded()).containsExactly("targets");

    String oldTargets = first.repository().root().signed().roleKeys(RoleNames.TARGETS).get(0).canonicalId();
    repo(alice).rotateKey(RoleNames.TARGETS, false);
    assertThat(alice.trustDir().resolve("private/" + oldTargets + ".key")).doesNotExist();
    repo(alice).rotateKey(RoleNames.ROOT, false);
    repo(alice).publish(List.of(add(RoleNames.TARGETS, "v3", "three")), NotaryRepository.Creation.NOTARY);

    // Bob and carol trusted the first root: both follow the rotation.
    var set = repo(bob).update();
    assertThat(set.root().signed().version()).isGreaterThan(first.repository().root().signed().version());
    assertThat(set.findTarget("v3")).isPresent();
    assertThat(notaryList("carol")).contains("v1").contains("v2").contains("v3");

    assertThatThrownBy(() -> repo(alice).rotateKey(RoleNames.TIMESTAMP, false))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.INVALID));
  }

  @Test
  void dockerSignsIntoTheDelegationsItHoldsKeysFor() {
    String image = gun + ":latest";
    alice.storeImage(image, 21);
    alice.push(image);
    TufPrivateKey signer = repo(alice).keys().generate("alice", gun);
    String key = "{\"keytype\":\"ecdsa\",\"keyval\":{\"private\":null,\"public\":\""
        + Base64.getEncoder().encodeToString(signer.publicKey().publicBytes()) + "\"}}";
    byte[] delegation = ("{\"add_keys\":[" + key + "],\"add_paths\":[\"\"],\"threshold\":1}")
        .getBytes(StandardCharsets.UTF_8);
    repo(alice).publish(List.of(
        new Change(Change.CREATE, "targets/releases", Change.TYPE_DELEGATION, "", Optional.of(delegation)),
        new Change(Change.CREATE, "targets/alice", Change.TYPE_DELEGATION, "", Optional.of(delegation))), NotaryRepository.Creation.NOTARY);

    alice.storeImage(gun + ":v2", 22);
    ImagePusher.Result pushed = alice.push(gun + ":v2");

    var set = repo(bob).update();
    assertThat(set.targetIn("targets/releases", "v2")).isPresent();
    assertThat(set.targetIn("targets/alice", "v2")).isPresent();
    assertThat(set.targetIn(RoleNames.TARGETS, "v2")).isEmpty();
    assertThat(bob.pull(gun + ":v2").resolvedDigest()).isEqualTo(pushed.digest());
    assertThat(notaryList("carol")).contains("targets/releases").contains(pushed.digest().hex());

    // Without the signer key there is nothing docker may sign with.
    TrustFixture other = bob;
    other.storeImage(gun + ":v3", 23);
    assertThatThrownBy(() -> other.push(gun + ":v3"))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.MISSING_KEY))
        .hasMessageContaining("no valid signing keys for delegation roles");
  }

  @Test
  void aWrongPassphraseOrAMissingKeySignsNothing() {
    String image = gun + ":latest";
    alice.storeImage(image, 31);
    ImagePusher.Result first = alice.push(image);

    alice.env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "not-my-passphrase");
    alice.storeImage(image, 32);
    assertThatThrownBy(() -> alice.push(image))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.WRONG_PASSPHRASE))
        .hasMessageContaining("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE");

    bob.storeImage(image, 33);
    assertThatThrownBy(() -> bob.push(image))
        .satisfies(e -> assertThat(((TrustException) e).kind()).isEqualTo(Kind.MISSING_KEY))
        .hasMessageContaining("targets").hasMessageContaining("private key");

    TrustFixture carol;
    try {
      carol = new TrustFixture(dir.resolve("carol-user"), stack.trustUrl(), stack.caCert);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(carol.pull(image).resolvedDigest()).isEqualTo(first.digest());
  }
}
