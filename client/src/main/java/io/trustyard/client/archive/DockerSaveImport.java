package io.trustyard.client.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.client.store.DescriptorJson;
import io.trustyard.client.store.StoreException;
import io.trustyard.client.store.StoreTransaction;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.InvalidReferenceException;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic {@code docker save} form: manifest.json lists each image's config file, tags and
 * layer tars. The image becomes an OCI manifest over those files; an uncompressed layer must hash
 * to the config's diff_id, which is the only integrity the archive carries.
 */
final class DockerSaveImport {

  /** Copies a file into the transaction as the blob {@code d}, verifying it. */
  interface BlobCopier {
    void copy(Path file, Descriptor d, StoreTransaction tx);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerSaveImport() {}

  static List<String> importInto(Path dir, String name, StoreTransaction tx, BlobCopier copier) {
    JsonNode manifests = ImageImporter.readJson(dir.resolve("manifest.json"));
    if (!manifests.isArray() || manifests.isEmpty()) {
      throw new StoreException(dir.resolve("manifest.json") + " lists no images");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode entry : manifests) {
      Path configFile = inside(dir, entry.path("Config").asText(""));
      Digest configDigest = ImageImporter.sha256(configFile);
      Descriptor config = Descriptor.of(MediaTypes.OCI_CONFIG, configDigest, size(configFile));
      copier.copy(configFile, config, tx);
      JsonNode diffIds = ImageImporter.readJson(configFile).path("rootfs").path("diff_ids");

      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("schemaVersion", 2);
      manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
      manifest.set("config", DescriptorJson.write(config));
      ArrayNode layers = manifest.putArray("layers");
      JsonNode layerPaths = entry.path("Layers");
      for (int i = 0; i < layerPaths.size(); i++) {
        Path layerFile = inside(dir, layerPaths.get(i).asText(""));
        Digest digest = ImageImporter.sha256(layerFile);
        String mediaType = layerType(layerFile);
        if (mediaType.equals(MediaTypes.OCI_LAYER) && diffIds.has(i)
            && !diffIds.get(i).asText("").equals(digest.toString())) {
          throw new StoreException("layer " + layerPaths.get(i).asText() + " failed verification: it hashes to "
              + digest + " but the image config says " + diffIds.get(i).asText());
        }
        Descriptor layer = Descriptor.of(mediaType, digest, size(layerFile));
        copier.copy(layerFile, layer, tx);
        layers.add(DescriptorJson.write(layer));
      }
      byte[] bytes;
      try {
        bytes = JSON.writeValueAsBytes(manifest);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Descriptor stored = tx.addBlob(MediaTypes.OCI_MANIFEST, bytes);
      List<String> tags = new ArrayList<>();
      entry.path("RepoTags").forEach(t -> tags.add(t.asText()));
      if (tags.isEmpty()) {
        if (name == null) {
          throw new StoreException("an image in the archive has no tag; give it a name with --name");
        }
        tags.add(name);
      }
      for (String tag : tags) {
        try {
          String full = Reference.parseWithDefaultTag(tag).toString();
          tx.setRef(full, stored);
          names.add(full);
        } catch (InvalidReferenceException e) {
          throw new StoreException("the archive tags an image '" + tag + "': " + e.getMessage());
        }
      }
    }
    return names;
  }

  private static String layerType(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        return MediaTypes.OCI_LAYER_GZIP;
      }
      if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
          && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
        return MediaTypes.OCI_LAYER_ZSTD;
      }
      return MediaTypes.OCI_LAYER;
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A path named in manifest.json, which must stay inside the archive. */
  private static Path inside(Path dir, String relative) {
    Path root = dir.toAbsolutePath().normalize();
    Path p = root.resolve(relative).normalize();
    if (relative.isEmpty() || !p.startsWith(root) || p.equals(root)) {
      throw new StoreException("manifest.json names '" + relative + "', which is not a file in the archive");
    }
    if (!Files.isRegularFile(p)) {
      throw new StoreException("manifest.json names '" + relative + "', which is missing from the archive");
    }
    return p;
  }
}
