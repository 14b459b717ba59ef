package io.trustyard.cli.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trustyard.client.VerificationException;
import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.image.ImagePuller;
import io.trustyard.client.image.ImagePusher;
import io.trustyard.client.image.PlatformSpec;
import io.trustyard.client.image.ProgressListener;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.client.registry.RegistryClient;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.testing.RecordingProgress;
import io.trustyard.client.testing.TestImages;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Reference;
import io.trustyard.registry.auth.AccessController;
import io.trustyard.registry.http.RegistryHttpServer;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.storage.FilesystemDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our client against our registry (in process, plain HTTP on a loopback port). */
class OurRegistryInteropTest {

  @TempDir Path dir;
  private RegistryHttpServer server;
  private String host;

  @BeforeEach
  void start() throws Exception {
    FilesystemDriver storage = new FilesystemDriver(dir.resolve("registry"));
    RegistryServices services = RegistryServices.create(storage, new SimpleMeterRegistry(), Clock.systemUTC(),
        false, true);
    server = new RegistryHttpServer("127.0.0.1", 0, null, services, AccessController.NONE, null, List.of());
    host = "127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RegistryClient client(long chunkSize) {
    return new RegistryClient(RegistryClient.Options.defaults(CredentialStore.ANONYMOUS)
        .withPlainHttp(Set.of(host)).withChunkSize(chunkSize));
  }

  @Test
  void pushMonolithicAndChunkedMountAndPullByteForByte() throws Exception {
    ImageStore source = ImageStore.open(dir.resolve("a"));
    TestImages.Built image = TestImages.image("linux", "amd64", List.of(TestImages.layer("a", 9000, 61),
        TestImages.layer("b", 40_000, 62)));
    Reference first = Reference.parse(host + "/ours/one:1");
    Reference second = Reference.parse(host + "/ours/two:1");
    TestImages.store(source, first.toString(), image);
    source.tag(first.toString(), second.toString());

    ImagePusher.Result pushed = new ImagePusher(client(4096), source, TrustPolicy.NONE, ProgressListener.NONE)
        .push(first);
    assertThat(pushed.digest()).isEqualTo(image.digest());
    RecordingProgress mounts = new RecordingProgress();
    new ImagePusher(client(0), source, TrustPolicy.NONE, mounts).push(second);
    assertThat(mounts.count("Mounted from ours/one")).isEqualTo(3);

    ImageStore target = ImageStore.open(dir.resolve("b"));
    ImagePuller.Result pulled = new ImagePuller(client(0), target, TrustPolicy.NONE, ProgressListener.NONE)
        .pull(second, PlatformSpec.current());
    assertThat(pulled.manifest().digest()).isEqualTo(image.digest());
    for (byte[] layer : image.layers()) {
      assertThat(Files.readAllBytes(target.blobPath(Digest.sha256(layer)))).isEqualTo(layer);
    }
  }

  @Test
  void aLayerTamperedInOurRegistrysStorageFailsThePull() throws Exception {
    ImageStore source = ImageStore.open(dir.resolve("a"));
    TestImages.Built image = TestImages.image("linux", "amd64", List.of(TestImages.layer("a", 9000, 63)));
    Reference ref = Reference.parse(host + "/ours/tamper:1");
    TestImages.store(source, ref.toString(), image);
    new ImagePusher(client(0), source, TrustPolicy.NONE, ProgressListener.NONE).push(ref);
    Digest layer = Digest.sha256(image.layers().get(0));
    Path data = dir.resolve("registry/docker/registry/v2/blobs/sha256/" + layer.hex().substring(0, 2) + "/"
        + layer.hex() + "/data");
    byte[] bytes = Files.readAllBytes(data);
    bytes[bytes.length - 1] ^= 1;
    Files.write(data, bytes);

    ImageStore target = ImageStore.open(dir.resolve("b"));
    assertThatThrownBy(() -> new ImagePuller(client(0), target, TrustPolicy.NONE, ProgressListener.NONE)
        .pull(ref, PlatformSpec.current()))
        .hasMessageContaining(layer.toString());
    assertThat(target.images()).isEmpty();
    assertThat(target.hasBlob(layer)).isFalse();
    assertThat(target.hasBlob(image.digest())).isFalse();
  }
}
