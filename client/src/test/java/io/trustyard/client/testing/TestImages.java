package io.trustyard.client.testing;

import io.trustyard.client.archive.TarWriter;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.StoreTransaction;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds small real images (layer tars, config, manifest) for tests. */
public final class TestImages {

  private TestImages() {}

  /** An image as bytes: the layers, the config and the manifest. */
  public record Built(List<byte[]> layers, byte[] config, byte[] manifest, Digest digest) {}

  /** A layer: a tar holding one file with {@code size} seeded random bytes. */
  public static byte[] layer(String fileName, int size, long seed) {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.file(fileName, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An OCI image of these uncompressed layers for {@code os/arch}. */
  public static Built image(String os, String arch, List<byte[]> layers) {
    StringBuilder diffIds = new StringBuilder();
    for (byte[] l : layers) {
      diffIds.append(diffIds.isEmpty() ? "" : ",").append('"').append(Digest.sha256(l)).append('"');
    }
    byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"" + os + "\",\"config\":{},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
    StringBuilder layerJson = new StringBuilder();
    for (byte[] l : layers) {
      layerJson.append(layerJson.isEmpty() ? "" : ",").append(descriptor(MediaTypes.OCI_LAYER, l));
    }
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":"
        + descriptor(MediaTypes.OCI_CONFIG, config) + ",\"layers\":[" + layerJson + "]}")
        .getBytes(StandardCharsets.UTF_8);
    return new Built(List.copyOf(layers), config, manifest, Digest.sha256(manifest));
  }

  /** An OCI index over images, each entry with its platform. */
  public static byte[] index(List<Built> images, List<String[]> platforms) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      byte[] m = images.get(i).manifest();
      entries.add("{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + Digest.sha256(m)
          + "\",\"size\":" + m.length + ",\"platform\":{\"architecture\":\"" + platforms.get(i)[1]
          + "\",\"os\":\"" + platforms.get(i)[0] + "\"}}");
    }
    return ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
        + String.join(",", entries) + "]}").getBytes(StandardCharsets.UTF_8);
  }

  /** Puts a built image into a store under {@code name}; returns the manifest's descriptor. */
  public static Descriptor store(ImageStore store, String name, Built image) {
    try (StoreTransaction tx = store.begin()) {
      for (byte[] l : image.layers()) {
        tx.addBlob(MediaTypes.OCI_LAYER, l);
      }
      tx.addBlob(MediaTypes.OCI_CONFIG, image.config());
      Descriptor m = tx.addBlob(MediaTypes.OCI_MANIFEST, image.manifest());
      tx.setRef(name, m);
      tx.commit();
      return m;
    }
  }

  private static String descriptor(String mediaType, byte[] content) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.sha256(content) + "\",\"size\":"
        + content.length + "}";
  }
}
