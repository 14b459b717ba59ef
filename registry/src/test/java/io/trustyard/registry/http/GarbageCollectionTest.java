package io.trustyard.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.registry.service.GarbageCollector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mark and sweep: unreferenced blobs go, referenced and recently touched ones stay. */
class GarbageCollectionTest {
  @TempDir Path dir;

  Path data(Digest d) {
    return dir.resolve("docker/registry/v2/blobs/sha256/" + d.hex().substring(0, 2) + "/" + d.hex() + "/data");
  }

  byte[] manifest(Digest config, Digest layer) {
    return ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\""
        + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + config + "\",\"size\":2},\"layers\":[{\"mediaType\":\""
        + MediaTypes.OCI_LAYER + "\",\"digest\":\"" + layer + "\",\"size\":1}]}").getBytes(StandardCharsets.UTF_8);
  }

  void age(Digest d) throws Exception {
    Files.setLastModifiedTime(data(d), FileTime.from(Instant.now().minus(Duration.ofHours(3))));
  }

  @Test
  void sweepsOnlyWhatNoManifestUsesAndKeepsRecentlyTouchedBlobs() throws Exception {
    try (RegistryTestServer r = new RegistryTestServer(dir)) {
      Digest config = r.pushBlob("app", "{}".getBytes());
      Digest layer = r.pushBlob("app", "a".getBytes());
      Digest oldLayer = r.pushBlob("app", "b".getBytes());
      Digest orphan = r.pushBlob("app", "c".getBytes());
      Digest touched = r.pushBlob("other", "d".getBytes());
      byte[] kept = manifest(config, layer);
      byte[] dropped = manifest(config, oldLayer);
      assertThat(r.putManifest("app", "v1", MediaTypes.OCI_MANIFEST, kept).statusCode()).isEqualTo(201);
      assertThat(r.putManifest("app", "v0", MediaTypes.OCI_MANIFEST, dropped).statusCode()).isEqualTo(201);
      assertThat(r.method("DELETE", "/v2/app/manifests/" + Digest.sha256(dropped), null).statusCode()).isEqualTo(202);

      GarbageCollector gc = r.services.garbageCollector(Clock.systemUTC());
      // everything is recent: nothing goes
      GarbageCollector.Report recent = gc.run(Duration.ofHours(1), false);
      assertThat(recent.deleted()).isEmpty();
      assertThat(recent.tooRecent()).contains(oldLayer, orphan, touched);

      for (Digest d : new Digest[] {config, layer, oldLayer, orphan, touched, Digest.sha256(kept),
          Digest.sha256(dropped)}) {
        age(d);
      }
      // a push in flight refreshes the marker of a blob it is about to use
      for (Digest d : new Digest[] {oldLayer, orphan, Digest.sha256(dropped)}) {
        Files.setLastModifiedTime(dir.resolve("trustyard/blob-markers/sha256/" + d.hex()),
            FileTime.from(Instant.now().minus(Duration.ofHours(3))));
      }
      r.services.blobs().touch(touched);
      Files.setLastModifiedTime(dir.resolve("trustyard/blob-markers/sha256/" + touched.hex()),
          FileTime.from(Instant.now()));

      GarbageCollector.Report dry = gc.run(Duration.ofHours(1), true);
      assertThat(dry.deleted()).containsExactlyInAnyOrder(oldLayer, orphan, Digest.sha256(dropped));
      assertThat(Files.exists(data(orphan))).isTrue();

      GarbageCollector.Report run = gc.run(Duration.ofHours(1), false);
      assertThat(run.deleted()).containsExactlyInAnyOrder(oldLayer, orphan, Digest.sha256(dropped));
      assertThat(run.tooRecent()).contains(touched);
      assertThat(Files.exists(data(orphan))).isFalse();
      assertThat(Files.exists(data(oldLayer))).isFalse();
      assertThat(Files.exists(data(touched))).isTrue();
      // the image in use is intact and pullable
      assertThat(r.get("/v2/app/manifests/v1").body()).isEqualTo(kept);
      assertThat(r.get("/v2/app/blobs/" + layer).statusCode()).isEqualTo(200);
      assertThat(r.get("/v2/app/blobs/" + config).statusCode()).isEqualTo(200);
      // a manifest naming a swept blob is refused, not stored with a hole
      assertThat(r.putManifest("app", "v2", MediaTypes.OCI_MANIFEST, dropped).statusCode()).isEqualTo(400);
    }
  }
}
