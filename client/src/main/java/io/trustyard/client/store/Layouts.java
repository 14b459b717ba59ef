package io.trustyard.client.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.InvalidManifestException;
import io.trustyard.core.oci.ManifestParser;
import io.trustyard.core.oci.MediaTypes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing the files of an OCI image layout. */
public final class Layouts {

  private Layouts() {}

  /** The descriptors of an index.json (an OCI layout's or an archive's), bounded and validated. */
  public static List<Descriptor> readIndex(Path indexFile, long max) {
    try {
      if (Files.size(indexFile) > max) {
        throw new StoreException(indexFile + " is larger than " + max + " bytes; refusing it");
      }
      return parseIndex(Files.readAllBytes(indexFile), indexFile.toString());
    } catch (NoSuchFileException e) {
      throw new StoreException(indexFile + " is missing: not an OCI image layout");
    } catch (IOException e) {
      throw new StoreException("cannot read " + indexFile + ": " + e.getMessage(), e);
    }
  }

  static List<Descriptor> parseIndex(byte[] bytes, String where) {
    try {
      JsonNode root = DescriptorJson.JSON.readTree(bytes);
      JsonNode manifests = root == null ? null : root.get("manifests");
      if (manifests == null || manifests.isNull()) {
        return List.of();
      }
      if (!manifests.isArray()) {
        throw new StoreException(where + ": manifests must be an array");
      }
      List<Descriptor> out = new ArrayList<>();
      for (int i = 0; i < manifests.size(); i++) {
        out.add(ManifestParser.descriptor(manifests.get(i), "manifests[" + i + "]"));
      }
      return out;
    } catch (InvalidManifestException e) {
      throw new StoreException(where + " is not a valid image index: " + e.getMessage());
    } catch (IOException e) {
      throw new StoreException(where + " is not valid JSON");
    }
  }

  /** An OCI image index holding {@code entries}, as index.json bytes. */
  public static byte[] indexJson(List<Descriptor> entries) {
    ObjectNode root = DescriptorJson.JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode manifests = root.putArray("manifests");
    entries.forEach(d -> manifests.add(DescriptorJson.write(d)));
    try {
      return DescriptorJson.JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces a file atomically: write a sibling temp file, flush it to disk, rename over. */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
        out.write(content);
        out.flush();
        ch.force(true);
      }
      moveAtomically(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
