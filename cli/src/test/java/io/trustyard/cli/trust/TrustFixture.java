package io.trustyard.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.image.ImagePuller;
import io.trustyard.client.image.ImagePusher;
import io.trustyard.client.image.PlatformSpec;
import io.trustyard.client.image.ProgressListener;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.client.notary.DockerTrustSetup;
import io.trustyard.client.registry.RegistryClient;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.StoreTransaction;
import io.trustyard.client.trust.PassphraseRetriever;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.client.trust.TrustPinning;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One docker-like user: a DOCKER_CONFIG (trust dir, TLS CA for the trust server), an image store, output. */
final class TrustFixture {
  final Path dockerConfig;
  final ImageStore store;
  final Map<String, String> env = new HashMap<>();
  final List<String> out = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  PassphraseRetriever prompt = (name, alias, create, attempt) -> {
    throw new AssertionError("unexpected passphrase prompt for " + alias + " " + name);
  };
  Clock clock = Clock.systemUTC();

  TrustFixture(Path dir, String trustUrl, Path caCert) throws IOException {
    dockerConfig = Files.createDirectories(dir.resolve("docker-config"));
    store = ImageStore.open(dir.resolve("images"));
    env.put("DOCKER_CONFIG", dockerConfig.toString());
    env.put("DOCKER_CONTENT_TRUST", "1");
    env.put("DOCKER_CONTENT_TRUST_SERVER", trustUrl);
    Path tls = Files.createDirectories(dockerConfig.resolve("tls").resolve(trustUrl.substring("https://".length())));
    Files.copy(caCert, tls.resolve("ca.crt"));
  }

  Path trustDir() {
    return dockerConfig.resolve("trust");
  }

  DockerTrustSetup setup() {
    return new DockerTrustSetup(env, TrustDir.docker(env), prompt, CredentialStore.ANONYMOUS, List.of(),
        TrustPinning.TOFU, clock, warnings::add);
  }

  TrustPolicy policy() {
    return setup().policy(out::add);
  }

  static RegistryClient registry() {
    return new RegistryClient(RegistryClient.Options.defaults(CredentialStore.ANONYMOUS));
  }

  ImagePusher.Result push(String ref) {
    return new ImagePusher(registry(), store, policy(), ProgressListener.NONE).push(Reference.parse(ref));
  }

  /** A push with content trust off: the registry's tag moves, the trust data stays as it was. */
  ImagePusher.Result pushWithoutTrust(String ref) {
    return new ImagePusher(registry(), store, TrustPolicy.NONE, ProgressListener.NONE).push(Reference.parse(ref));
  }

  ImagePuller.Result pull(String ref) {
    return new ImagePuller(registry(), store, policy(), ProgressListener.NONE).pull(Reference.parse(ref),
        PlatformSpec.parse("linux/amd64"));
  }

  /** Pulls {@code ref}: it must resolve to {@code expected}, never {@code other}, and be stored under {@code ref}. */
  void pullsExactly(String ref, Digest expected, Digest other) {
    assertThat(pull(ref).resolvedDigest()).isEqualTo(expected).isNotEqualTo(other);
    assertThat(store.get(ref).orElseThrow().manifest().digest()).isEqualTo(expected);
  }

  /** A small image (two random layers) stored under {@code name}; returns its layer digests then the manifest's. */
  List<Digest> storeImage(String name, long seed) {
    Random random = new Random(seed);
    byte[] l1 = new byte[3000];
    byte[] l2 = new byte[5000];
    random.nextBytes(l1);
    random.nextBytes(l2);
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + Digest.sha256(l1) + "\",\"" + Digest.sha256(l2) + "\"]}}").getBytes(StandardCharsets.UTF_8);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":"
        + desc(MediaTypes.OCI_CONFIG, config) + ",\"layers\":[" + desc(MediaTypes.OCI_LAYER, l1) + ","
        + desc(MediaTypes.OCI_LAYER, l2) + "]}").getBytes(StandardCharsets.UTF_8);
    try (StoreTransaction tx = store.begin()) {
      tx.addBlob(MediaTypes.OCI_LAYER, l1);
      tx.addBlob(MediaTypes.OCI_LAYER, l2);
      tx.addBlob(MediaTypes.OCI_CONFIG, config);
      Descriptor m = tx.addBlob(MediaTypes.OCI_MANIFEST, manifest);
      tx.setRef(name, m);
      tx.commit();
    }
    return List.of(Digest.sha256(l1), Digest.sha256(l2), Digest.sha256(config), Digest.sha256(manifest));
  }

  private static String desc(String mediaType, byte[] content) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.sha256(content) + "\",\"size\":"
        + content.length + "}";
  }
}
