package io.trustyard.client.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.Layouts;
import io.trustyard.client.store.StoreException;
import io.trustyard.client.store.StoreTransaction;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ImageIndex;
import io.trustyard.core.oci.ImageManifest;
import io.trustyard.core.oci.InvalidManifestException;
import io.trustyard.core.oci.InvalidReferenceException;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.OciNames;
import io.trustyard.core.oci.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports images into the store from an OCI image layout directory, an OCI archive (a tar of a
 * layout) or a {@code docker save} archive (manifest.json + repositories, either the classic
 * {@code <id>/layer.tar} form or docker 25's OCI form), gzip-compressed or not. Every blob is
 * verified against its digest; the import is one store transaction, all or nothing.
 */
public final class ImageImporter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_JSON = 32L << 20;
  private final ImageStore store;

  public ImageImporter(ImageStore store) {
    this.store = store;
  }

  /**
   * Imports everything named in {@code source}; {@code name} (may be null) names images the
   * source names only by a tag, or not at all. Returns the names imported.
   */
  public List<String> importFrom(Path source, String name) {
    try (StoreTransaction tx = store.begin()) {
      Path dir = source;
      if (!Files.isDirectory(source)) {
        if (!Files.isRegularFile(source)) {
          throw new StoreException(source + " does not exist");
        }
        dir = tx.newFile().toAbsolutePath().normalize();
        try {
          ArchiveExtractor.extract(source, dir);
        } catch (IOException e) {
          throw new StoreException("cannot read " + source + " as an image archive: " + e.getMessage(), e);
        }
      }
      List<String> names = importDirectory(dir, name, tx);
      tx.commit();
      return names;
    }
  }

  private List<String> importDirectory(Path dir, String name, StoreTransaction tx) {
    boolean layout = Files.isRegularFile(dir.resolve("oci-layout")) && Files.isRegularFile(dir.resolve("index.json"));
    boolean dockerSave = Files.isRegularFile(dir.resolve("manifest.json"));
    if (layout) {
      List<Descriptor> entries = Layouts.readIndex(dir.resolve("index.json"), MAX_JSON);
      boolean named = entries.stream().anyMatch(d -> d.annotations().containsKey(ImageStore.CONTAINERD_NAME)
          || d.annotations().containsKey(ImageStore.REF_NAME));
      if (named || !dockerSave) {
        return importLayout(dir, entries, name, tx);
      }
    }
    if (dockerSave) {
      return DockerSaveImport.importInto(dir, name, tx, this::copyBlob);
    }
    throw new StoreException(dir + " is neither an OCI image layout (oci-layout, index.json) nor a docker save"
        + " archive (manifest.json)");
  }

  private List<String> importLayout(Path dir, List<Descriptor> entries, String name, StoreTransaction tx) {
    List<String> names = new ArrayList<>();
    for (Descriptor entry : entries) {
      String stored = storeName(entry, name, entries.size());
      if (stored == null) {
        continue;
      }
      copyTree(dir, entry, tx, true);
      tx.setRef(stored, new Descriptor(entry.mediaType(), entry.digest(), entry.size(), entry.urls(),
          java.util.Map.of(), entry.artifactType(), null, null));
      names.add(stored);
    }
    if (names.isEmpty()) {
      throw new StoreException(dir + " names no image; give one with --name");
    }
    return names;
  }

  /** The store name of a layout entry, or null when it has none and none was given. */
  static String storeName(Descriptor entry, String given, int entries) {
    String full = entry.annotations().get(ImageStore.CONTAINERD_NAME);
    String refName = entry.annotations().get(ImageStore.REF_NAME);
    try {
      if (full != null) {
        return Reference.parseWithDefaultTag(full).toString();
      }
      if (given != null) {
        Reference r = Reference.parse(given);
        if (r.tag() != null || r.digest() != null) {
          if (entries > 1) {
            throw new StoreException("the source holds " + entries + " images; --name takes a repository"
                + " without a tag for it");
          }
          return r.toString();
        }
        return r.withTag(refName != null && OciNames.isValidTag(refName) ? refName : "latest").toString();
      }
      if (refName != null && (refName.contains("/") || refName.contains(":"))) {
        return Reference.parseWithDefaultTag(refName).toString();
      }
    } catch (InvalidReferenceException e) {
      throw new StoreException("cannot name the imported image: " + e.getMessage());
    }
    if (refName != null) {
      throw new StoreException("the source names its image only '" + refName + "'; give its repository"
          + " with --name (e.g. --name example.com/team/app)");
    }
    return null;
  }

  private void copyTree(Path dir, Descriptor d, StoreTransaction tx, boolean required) {
    Path blob = dir.resolve("blobs").resolve(d.digest().algorithm().id()).resolve(d.digest().hex());
    if (!Files.isRegularFile(blob)) {
      if (required) {
        throw new StoreException("blob " + d.digest() + " is missing from " + dir);
      }
      return;
    }
    copyBlob(blob, d, tx);
    if (!MediaTypes.isManifest(d.mediaType())) {
      return;
    }
    Manifest m;
    try {
      byte[] bytes = Files.readAllBytes(blob);
      m = ManifestParser.parse(bytes, d.mediaType());
    } catch (IOException e) {
      throw new StoreException("cannot read " + blob + ": " + e.getMessage(), e);
    } catch (InvalidManifestException e) {
      throw new StoreException("manifest " + d.digest() + " in " + dir + " is invalid: " + e.getMessage());
    }
    if (m instanceof ImageIndex index) {
      // Layouts often carry only some platforms of an index.
      index.manifests().forEach(child -> copyTree(dir, child, tx, false));
    } else if (m instanceof ImageManifest image) {
      copyTree(dir, image.config(), tx, true);
      for (Descriptor layer : image.layers()) {
        boolean foreign = MediaTypes.NON_DISTRIBUTABLE_LAYERS.contains(layer.mediaType()) && !layer.urls().isEmpty();
        copyTree(dir, layer, tx, !foreign);
      }
    }
  }

  /** Copies a file into staging and stages it; the transaction checks digest and size. */
  void copyBlob(Path file, Descriptor expected, StoreTransaction tx) {
    if (tx.hasBlob(expected.digest())) {
      return;
    }
    Path staged = tx.newFile();
    try {
      Files.copy(file, staged, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (NoSuchFileException e) {
      throw new StoreException("blob " + expected.digest() + " is missing: " + file);
    } catch (IOException e) {
      throw new StoreException("cannot copy " + file + ": " + e.getMessage(), e);
    }
    tx.addBlob(expected, staged);
  }

  static JsonNode readJson(Path file) {
    try {
      if (Files.size(file) > MAX_JSON) {
        throw new StoreException(file + " is larger than 32 MiB; refusing it");
      }
      return JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new StoreException(file + " is missing");
    } catch (IOException e) {
      throw new StoreException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  static Digest sha256(Path file) {
    try (var in = Files.newInputStream(file)) {
      io.trustyard.core.digest.Digester d = io.trustyard.core.digest.Digester.sha256();
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        d.update(buffer, 0, n);
      }
      return d.digest();
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
