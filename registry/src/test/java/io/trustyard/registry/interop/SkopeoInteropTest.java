package io.trustyard.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.digest.Digest;
import io.trustyard.registry.Registry;
import io.trustyard.registry.config.RegistryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real clients against our registry: skopeo pushes an OCI image in and pulls it back out byte
 * for byte, and mounts blobs across repositories.
 */
class SkopeoInteropTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();

  static Registry start(Path root) throws Exception {
    return Registry.start(RegistryConfig.defaults().withHost("127.0.0.1").withPort(0).withFilesystemRoot(root));
  }

  byte[] get(int port, String path, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (accept != null) {
      b.header("Accept", accept);
    }
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  @Test
  void pushAndPullBackByteIdenticalThenMountIntoAnotherRepository() throws Exception {
    OciLayout image = new OciLayout(dir.resolve("src")).write("v1", 3, 300_000, 1);
    try (Registry registry = start(dir.resolve("storage"))) {
      String host = "127.0.0.1:" + registry.port();
      Peers.Result push = Peers.skopeoCopy(dir, "oci:" + image.dir + ":v1", "docker://" + host + "/test/trusttest:v1");
      assertThat(push.exit()).as(push.output()).isZero();
      // the manifest and every blob are stored exactly as pushed
      assertThat(get(registry.port(), "/v2/test/trusttest/manifests/v1", null)).isEqualTo(image.manifestBytes);
      for (Digest d : image.blobs) {
        if (!d.equals(image.manifest)) {
          assertThat(get(registry.port(), "/v2/test/trusttest/blobs/" + d, null)).isEqualTo(image.read(d));
        }
      }
      Peers.Result pull = Peers.skopeoCopy(dir, "docker://" + host + "/test/trusttest:v1", "oci:" + dir.resolve("out")
          + ":v1");
      assertThat(pull.exit()).as(pull.output()).isZero();
      OciLayout out = new OciLayout(dir.resolve("out"));
      for (Digest d : image.blobs) {
        assertThat(out.read(d)).as(d.toString()).isEqualTo(image.read(d));
      }
      // registry to registry: the blobs are mounted from the first repository
      double mountsBefore = mounts(registry);
      Peers.Result copy = Peers.skopeoCopy(dir, "docker://" + host + "/test/trusttest:v1",
          "docker://" + host + "/other/copy:v1");
      assertThat(copy.exit()).as(copy.output()).isZero();
      assertThat(get(registry.port(), "/v2/other/copy/manifests/v1", null)).isEqualTo(image.manifestBytes);
      assertThat(mounts(registry)).isGreaterThan(mountsBefore);
    }
  }

  static double mounts(Registry registry) {
    var counter = registry.services().metrics().find("trustyard_registry_blob_mounts").counter();
    return counter == null ? 0 : counter.count();
  }
}
