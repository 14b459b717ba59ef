package io.trustyard.registry.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.digest.Digest;
import io.trustyard.registry.Registry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same storage directory served by Debian's docker-registry (distribution 2.8) and by ours: what
 * one wrote, the other serves with identical manifests and blobs, both ways.
 */
class DistributionStorageInteropTest {
  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<byte[]> get(int port, String path) throws Exception {
    // distribution only returns OCI manifests to clients that accept them
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  void assertServedIdentically(int ours, int theirs, OciLayout image, String repo) throws Exception {
    for (String ref : new String[] {"v1", image.manifest.toString()}) {
      HttpResponse<byte[]> a = get(ours, "/v2/" + repo + "/manifests/" + ref);
      HttpResponse<byte[]> b = get(theirs, "/v2/" + repo + "/manifests/" + ref);
      assertThat(a.statusCode()).isEqualTo(200);
      assertThat(b.statusCode()).isEqualTo(200);
      assertThat(a.body()).isEqualTo(b.body()).isEqualTo(image.manifestBytes);
      assertThat(a.headers().firstValue("Docker-Content-Digest"))
          .isEqualTo(b.headers().firstValue("Docker-Content-Digest")).contains(image.manifest.toString());
      assertThat(a.headers().firstValue("Content-Type")).isEqualTo(b.headers().firstValue("Content-Type"));
    }
    for (Digest d : image.blobs) {
      if (d.equals(image.manifest)) {
        continue;
      }
      HttpResponse<byte[]> a = get(ours, "/v2/" + repo + "/blobs/" + d);
      HttpResponse<byte[]> b = get(theirs, "/v2/" + repo + "/blobs/" + d);
      assertThat(a.statusCode()).isEqualTo(200);
      assertThat(a.body()).isEqualTo(b.body()).isEqualTo(image.read(d));
    }
    HttpResponse<byte[]> tagsOurs = get(ours, "/v2/" + repo + "/tags/list");
    HttpResponse<byte[]> tagsTheirs = get(theirs, "/v2/" + repo + "/tags/list");
    assertThat(new String(tagsOurs.body())).isEqualTo(new String(tagsTheirs.body()).trim());
  }

  @Test
  void directoryWrittenByDockerRegistryIsServedByOurs() throws Exception {
    Path storage = dir.resolve("theirs");
    OciLayout image = new OciLayout(dir.resolve("src")).write("v1", 2, 200_000, 2);
    try (Peers.DockerRegistry theirs = new Peers.DockerRegistry(dir, storage)) {
      Peers.Result push = Peers.skopeoCopy(dir, "oci:" + image.dir + ":v1",
          "docker://127.0.0.1:" + theirs.port + "/lib/app:v1");
      assertThat(push.exit()).as(push.output()).isZero();
      try (Registry ours = SkopeoInteropTest.start(storage)) {
        assertServedIdentically(ours.port(), theirs.port, image, "lib/app");
        Peers.Result pull = Peers.skopeoCopy(dir, "docker://127.0.0.1:" + ours.port() + "/lib/app:v1",
            "oci:" + dir.resolve("out") + ":v1");
        assertThat(pull.exit()).as(pull.output()).isZero();
      }
    }
  }

  @Test
  void directoryWrittenByOursIsServedByDockerRegistry() throws Exception {
    Path storage = dir.resolve("ours");
    OciLayout image = new OciLayout(dir.resolve("src")).write("v1", 2, 200_000, 3);
    try (Registry ours = SkopeoInteropTest.start(storage)) {
      Peers.Result push = Peers.skopeoCopy(dir, "oci:" + image.dir + ":v1",
          "docker://127.0.0.1:" + ours.port() + "/lib/app:v1");
      assertThat(push.exit()).as(push.output()).isZero();
      try (Peers.DockerRegistry theirs = new Peers.DockerRegistry(dir, storage)) {
        assertServedIdentically(ours.port(), theirs.port, image, "lib/app");
        Peers.Result pull = Peers.skopeoCopy(dir, "docker://127.0.0.1:" + theirs.port + "/lib/app:v1",
            "oci:" + dir.resolve("out") + ":v1");
        assertThat(pull.exit()).as(pull.output()).isZero();
        OciLayout out = new OciLayout(dir.resolve("out"));
        for (Digest d : image.blobs) {
          assertThat(out.read(d)).isEqualTo(image.read(d));
        }
      }
    }
  }
}
