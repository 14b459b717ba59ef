package io.trustyard.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** An OCI image layout directory (as skopeo reads with {@code oci:DIR:TAG}) holding one many-layer image. */
final class OciLayout {
  private OciLayout() {}

  /**
   * Writes an image of {@code layers} incompressible layers of {@code layerBytes} each under tag
   * {@code latest}; {@code seed} makes every layout's blobs new to the registries.
   */
  static Path write(Path dir, int layers, int layerBytes, long seed) throws Exception {
    Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
    Random random = new Random(seed);
    List<String> layerDigests = new ArrayList<>();
    byte[] layer = new byte[layerBytes];
    for (int i = 0; i < layers; i++) {
      random.nextBytes(layer);
      layerDigests.add(blob(blobs, layer));
    }
    StringBuilder diffIds = new StringBuilder();
    StringBuilder layerDescriptors = new StringBuilder();
    for (String d : layerDigests) {
      diffIds.append(diffIds.isEmpty() ? "" : ",").append('"').append(d).append('"');
      layerDescriptors.append(layerDescriptors.isEmpty() ? "" : ",")
          .append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"").append(d)
          .append("\",\"size\":").append(layerBytes).append('}');
    }
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
    String configDigest = blob(blobs, config);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + RegistryLoad.OCI_MANIFEST + "\",\"config\":{"
        + "\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":"
        + config.length + "},\"layers\":[" + layerDescriptors + "]}").getBytes(StandardCharsets.UTF_8);
    String manifestDigest = blob(blobs, manifest);
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
        + RegistryLoad.OCI_MANIFEST + "\",\"digest\":\"" + manifestDigest + "\",\"size\":" + manifest.length
        + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"latest\"}}]}");
    return dir;
  }

  private static String blob(Path blobs, byte[] bytes) throws Exception {
    String digest = RegistryLoad.sha256(bytes);
    Files.write(blobs.resolve(digest.substring("sha256:".length())), bytes);
    return digest;
  }
}
