package io.trustyard.client.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.client.image.PlatformSpec;
import io.trustyard.client.store.DescriptorJson;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.Layouts;
import io.trustyard.client.store.StoreException;
import io.trustyard.client.store.StoredImage;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ImageIndex;
import io.trustyard.core.oci.ImageManifest;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.Reference;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Exports images from the store as an OCI layout directory, an OCI archive or a docker save archive
 * (docker 25's form: an OCI layout plus manifest.json and repositories, which docker load, skopeo
 * and containerd all read). Index entries carry {@code io.containerd.image.name} (the full name)
 * and {@code org.opencontainers.image.ref.name} (the tag), as docker writes them. The result appears
 * at the destination only when complete.
 */
public final class ImageExporter {

  /** The output formats. */
  public enum Format { OCI_DIR, OCI_ARCHIVE, DOCKER_ARCHIVE }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ImageStore store;

  public ImageExporter(ImageStore store) {
    this.store = store;
  }

  public void export(List<String> names, Path destination, Format format, PlatformSpec platform) {
    List<StoredImage> images = new ArrayList<>();
    for (String n : names) {
      images.add(store.get(n).orElseThrow(() -> new StoreException("no image " + n + " in the store")));
    }
    Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
    images.forEach(i -> collect(i.manifest(), blobs));
    List<Descriptor> entries = new ArrayList<>();
    for (StoredImage image : images) {
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(ImageStore.CONTAINERD_NAME, image.name());
      Reference ref = Reference.parse(image.name());
      if (ref.tag() != null) {
        annotations.put(ImageStore.REF_NAME, ref.tag());
      }
      entries.add(DescriptorJson.withAnnotations(image.manifest(), annotations));
    }
    Path parent = destination.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
      if (format == Format.OCI_DIR) {
        writeDirectory(destination, parent, entries, blobs);
      } else {
        writeArchive(destination, parent, entries, blobs,
            format == Format.DOCKER_ARCHIVE ? dockerFiles(images, platform) : Map.of());
      }
    } catch (IOException e) {
      throw new StoreException("cannot write " + destination + ": " + e.getMessage(), e);
    }
  }

  private void writeDirectory(Path destination, Path parent, List<Descriptor> entries,
      Map<Digest, Descriptor> blobs) throws IOException {
    if (Files.exists(destination)) {
      try (Stream<Path> s = Files.list(destination)) {
        if (s.findAny().isPresent()) {
          throw new StoreException(destination + " exists and is not empty; choose a new directory");
        }
      }
      Files.delete(destination);
    }
    Path tmp = Files.createTempDirectory(parent, "." + destination.getFileName() + ".");
    try {
      Files.writeString(tmp.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
      for (Descriptor d : blobs.values()) {
        Path target = tmp.resolve("blobs").resolve(d.digest().algorithm().id()).resolve(d.digest().hex());
        Files.createDirectories(target.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
          store.copyBlob(d, out);
        }
      }
      Files.write(tmp.resolve("index.json"), Layouts.indexJson(entries));
      Files.move(tmp, destination, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(tmp);
    }
  }

  private void writeArchive(Path destination, Path parent, List<Descriptor> entries, Map<Digest, Descriptor> blobs,
      Map<String, byte[]> extra) throws IOException {
    Path tmp = Files.createTempFile(parent, "." + destination.getFileName() + ".", ".tmp");
    try {
      try (TarWriter tar = new TarWriter(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        tar.directory("blobs");
        List<String> algorithms = blobs.keySet().stream().map(d -> d.algorithm().id()).distinct().sorted().toList();
        for (String alg : algorithms) {
          tar.directory("blobs/" + alg);
        }
        for (Descriptor d : blobs.values()) {
          // Verified while it is copied into the archive.
          tar.file("blobs/" + d.digest().algorithm().id() + "/" + d.digest().hex(), d.size(),
              out -> store.copyBlob(d, out));
        }
        tar.file("index.json", Layouts.indexJson(entries));
        for (Map.Entry<String, byte[]> e : extra.entrySet()) {
          tar.file(e.getKey(), e.getValue());
        }
        tar.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      Layouts.moveAtomically(tmp, destination);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Map<String, byte[]> dockerFiles(List<StoredImage> images, PlatformSpec platform) throws IOException {
    ArrayNode manifest = JSON.createArrayNode();
    ObjectNode repositories = JSON.createObjectNode();
    for (StoredImage image : images) {
      Descriptor top = image.manifest();
      Manifest m = store.manifest(top);
      if (m instanceof ImageIndex index) {
        Descriptor chosen = platform.select(index.manifests().stream().filter(c -> store.hasBlob(c.digest()))
            .toList()).orElseThrow(() -> new StoreException(image.name() + " has no image for " + platform
            + " in the store; docker save archives hold one platform per image"));
        m = store.manifest(chosen);
      }
      ImageManifest im = (ImageManifest) m;
      ObjectNode entry = manifest.addObject();
      entry.put("Config", "blobs/" + path(im.config().digest()));
      ArrayNode tags = entry.putArray("RepoTags");
      Reference ref = Reference.parse(image.name());
      if (ref.tag() != null) {
        tags.add(ref.familiarName() + ":" + ref.tag());
        String top2 = im.layers().isEmpty() ? im.config().digest().hex()
            : im.layers().get(im.layers().size() - 1).digest().hex();
        ObjectNode repo = repositories.has(ref.familiarName()) ? (ObjectNode) repositories.get(ref.familiarName())
            : repositories.putObject(ref.familiarName());
        repo.put(ref.tag(), top2);
      }
      ArrayNode layers = entry.putArray("Layers");
      im.layers().forEach(l -> layers.add("blobs/" + path(l.digest())));
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("manifest.json", JSON.writeValueAsBytes(manifest));
    files.put("repositories", JSON.writeValueAsBytes(repositories));
    return files;
  }

  private static String path(Digest d) {
    return d.algorithm().id() + "/" + d.hex();
  }

  private void collect(Descriptor d, Map<Digest, Descriptor> blobs) {
    if (!store.hasBlob(d.digest()) || blobs.containsKey(d.digest())) {
      return;
    }
    blobs.put(d.digest(), d);
    if (!MediaTypes.isManifest(d.mediaType())) {
      return;
    }
    Manifest m = store.manifest(d);
    if (m instanceof ImageIndex index) {
      index.manifests().forEach(c -> collect(c, blobs));
    } else if (m instanceof ImageManifest image) {
      collect(image.config(), blobs);
      image.layers().forEach(l -> collect(l, blobs));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
