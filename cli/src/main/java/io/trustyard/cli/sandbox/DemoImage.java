package io.trustyard.cli.sandbox;

import io.trustyard.client.archive.TarWriter;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.StoreTransaction;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.Reference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The walkthrough's image, {@code docker/trusttest:latest}, made here from fixed bytes instead of
 * pulled from Docker Hub: two small uncompressed layers and an OCI config, so the same image (and
 * the same digests) comes out on every machine, offline.
 */
final class DemoImage {

  static final String NAME = Reference.parseWithDefaultTag("docker/trusttest").toString();
  private static final String MARKER = ".sandbox-demo-image";

  private DemoImage() {}

  /**
   * Puts the image in a new sandbox's store, once: a restart must not bring back an image the
   * walkthrough removed (that would let a later pull use cached layers instead of the registry's).
   */
  static Optional<Digest> preloadOnce(ImageStore store) {
    Path marker = store.root().resolve(MARKER);
    if (Files.exists(marker)) {
      return Optional.empty();
    }
    Digest digest = preload(store);
    try {
      Files.writeString(marker, digest + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + marker, e);
    }
    return Optional.of(digest);
  }

  /** Puts the image in the store unless an image of that name is already there; returns its manifest digest. */
  static Digest preload(ImageStore store) {
    Optional<Digest> present = store.get(NAME).map(i -> i.manifest().digest());
    if (present.isPresent()) {
      return present.get();
    }
    List<byte[]> layers = List.of(
        tar(new String[] {"etc/", "etc/trusttest-release"},
            "NAME=\"trusttest\"\nPRETTY_NAME=\"Trustyard sandbox demo image\"\n"),
        tar(new String[] {"usr/", "usr/share/", "usr/share/trusttest/", "usr/share/trusttest/hello.txt"},
            "Hello from the Trustyard sandbox. If you can read this, the bytes were verified.\n"));
    try (StoreTransaction tx = store.begin()) {
      StringBuilder diffIds = new StringBuilder();
      StringBuilder layerDescriptors = new StringBuilder();
      for (byte[] layer : layers) {
        Descriptor d = tx.addBlob(MediaTypes.OCI_LAYER, layer);
        diffIds.append(diffIds.isEmpty() ? "" : ",").append('"').append(d.digest()).append('"');
        layerDescriptors.append(layerDescriptors.isEmpty() ? "" : ",").append(descriptorJson(d));
      }
      byte[] config = ("{\"architecture\":\"amd64\",\"config\":{\"Cmd\":[\"cat\",\"/usr/share/trusttest/hello.txt\"],"
          + "\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"]},"
          + "\"created\":\"2015-08-27T00:00:00Z\",\"os\":\"linux\",\"rootfs\":{\"diff_ids\":[" + diffIds
          + "],\"type\":\"layers\"}}").getBytes(StandardCharsets.UTF_8);
      Descriptor configDescriptor = tx.addBlob(MediaTypes.OCI_CONFIG, config);
      byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":"
          + descriptorJson(configDescriptor) + ",\"layers\":[" + layerDescriptors + "]}")
          .getBytes(StandardCharsets.UTF_8);
      Descriptor manifestDescriptor = tx.addBlob(MediaTypes.OCI_MANIFEST, manifest);
      tx.setRef(NAME, manifestDescriptor);
      tx.commit();
      return manifestDescriptor.digest();
    }
  }

  private static String descriptorJson(Descriptor d) {
    return "{\"mediaType\":\"" + d.mediaType() + "\",\"digest\":\"" + d.digest() + "\",\"size\":" + d.size() + "}";
  }

  /** Directories then one file (the last name), with TarWriter's fixed owner, mode and time. */
  private static byte[] tar(String[] names, String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      for (int i = 0; i < names.length - 1; i++) {
        tar.directory(names[i]);
      }
      tar.file(names[names.length - 1], content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
