package io.trustyard.registry.http;

import static io.trustyard.registry.http.BlobConformanceTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.digest.Digest;
import io.trustyard.registry.auth.AccessController;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' "malicious data" step: a layer's data file is overwritten on storage. */
class TamperConformanceTest {
  @TempDir Path dir;

  byte[] content() {
    byte[] c = new byte[50_000];
    new Random(3).nextBytes(c);
    return c;
  }

  Path dataFile(Digest d) {
    return dir.resolve("docker/registry/v2/blobs/sha256/" + d.hex().substring(0, 2) + "/" + d.hex() + "/data");
  }

  @Test
  void overwrittenLayerIsNeverServedUnderItsDigest() throws Exception {
    try (RegistryTestServer r = new RegistryTestServer(dir)) {
      byte[] content = content();
      Digest d = r.pushBlob("test/trusttest", content);
      assertThat(r.get("/v2/test/trusttest/blobs/" + d).statusCode()).isEqualTo(200);
      Path data = dataFile(d);
      FileTime mtime = Files.getLastModifiedTime(data);
      // the seed's `echo "Malicious data" > data`, then the mtime put back to hide it
      Files.writeString(data, "Malicious data\n");
      Files.setLastModifiedTime(data, mtime);
      HttpResponse<byte[]> get = r.get("/v2/test/trusttest/blobs/" + d);
      assertThat(get.statusCode()).isNotEqualTo(200);
      assertThat(get.statusCode()).isEqualTo(404);
      assertThat(code(get)).isEqualTo("BLOB_UNKNOWN");
      assertThat(new String(get.body())).doesNotContain("Malicious");
      assertThat(r.head("/v2/test/trusttest/blobs/" + d).statusCode()).isEqualTo(404);
      assertThat(r.get("/v2/test/trusttest/blobs/" + d, "Range", "bytes=0-3").statusCode()).isEqualTo(404);
      assertThat(RegistryTestServer.text(r.get("/metrics")))
          .containsPattern("trustyard_registry_blob_digest_mismatch_total \\d+\\.\\d+")
          .doesNotContain("trustyard_registry_blob_digest_mismatch_total 0.0");
      // pushing the blob again heals storage
      r.pushBlob("test/trusttest", content);
      HttpResponse<byte[]> healed = r.get("/v2/test/trusttest/blobs/" + d);
      assertThat(healed.statusCode()).isEqualTo(200);
      assertThat(healed.body()).isEqualTo(content);
    }
  }

  @Test
  void sameSizeReplacementWithRestoredMtimeIsCaught() throws Exception {
    try (RegistryTestServer r = new RegistryTestServer(dir)) {
      byte[] content = content();
      Digest d = r.pushBlob("a", content);
      assertThat(r.get("/v2/a/blobs/" + d).statusCode()).isEqualTo(200);
      Path data = dataFile(d);
      FileTime mtime = Files.getLastModifiedTime(data);
      byte[] evil = content.clone();
      evil[100] ^= 1;
      Files.write(data, evil);
      Files.setLastModifiedTime(data, mtime);
      HttpResponse<byte[]> get = r.get("/v2/a/blobs/" + d);
      assertThat(get.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void tamperingBeforeAnyReadIsCaughtAfterRestart() throws Exception {
    Digest d;
    try (RegistryTestServer r = new RegistryTestServer(dir)) {
      d = r.pushBlob("a", content());
    }
    Files.writeString(dataFile(d), "Malicious data\n");
    try (RegistryTestServer r = new RegistryTestServer(dir)) {
      assertThat(r.get("/v2/a/blobs/" + d).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void strictModeRehashesEveryRead() throws Exception {
    try (RegistryTestServer r = new RegistryTestServer(dir, true, AccessController.NONE)) {
      Digest d = r.pushBlob("a", content());
      for (int i = 0; i < 3; i++) {
        assertThat(r.get("/v2/a/blobs/" + d).statusCode()).isEqualTo(200);
      }
      assertThat(RegistryTestServer.text(r.get("/metrics"))).contains("trustyard_registry_blob_rehash_total 3.0");
    }
  }

  @Test
  void tamperedManifestIsNotServed() throws Exception {
    try (RegistryTestServer r = new RegistryTestServer(dir)) {
      Digest config = r.pushBlob("a", "{}".getBytes());
      byte[] m = ("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
          + "\"digest\":\"" + config + "\",\"size\":2},\"layers\":[]}").getBytes();
      assertThat(r.putManifest("a", "v1", "application/vnd.oci.image.manifest.v1+json", m).statusCode())
          .isEqualTo(201);
      Files.writeString(dataFile(Digest.sha256(m)), "{\"schemaVersion\":2,\"evil\":true}");
      HttpResponse<byte[]> get = r.get("/v2/a/manifests/v1");
      assertThat(get.statusCode()).isEqualTo(404);
      assertThat(new String(get.body())).doesNotContain("evil");
    }
  }
}
