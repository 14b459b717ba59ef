package io.trustyard.core.oci;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.digest.InvalidDigestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses manifests and indexes from bounded bytes. Lenient where the spec asks for it (unknown
 * fields, {@code data}, empty layers), strict where ambiguity could fool a reader (duplicate keys,
 * wrong field types, a {@code mediaType} field that contradicts the declared type).
 */
public final class ManifestParser {

  /** distribution's limit; clients expect at least 4 MB to work. */
  public static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ManifestParser() {}

  /**
   * Parses {@code raw} as a manifest of {@code contentType} (parameters ignored). When the content
   * type is absent or not a manifest type, the {@code mediaType} field decides.
   */
  public static Manifest parse(byte[] raw, String contentType) {
    if (raw.length > MAX_MANIFEST_BYTES) {
      throw new InvalidManifestException("manifest is larger than " + MAX_MANIFEST_BYTES + " bytes", true);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(raw);
    } catch (IOException e) {
      throw new InvalidManifestException("manifest is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidManifestException("manifest must be a JSON object");
    }
    JsonNode schemaVersion = root.get("schemaVersion");
    if (schemaVersion == null || !schemaVersion.isIntegralNumber() || schemaVersion.asLong() != 2) {
      throw new InvalidManifestException("manifest schemaVersion must be 2");
    }
    String declared = MediaTypes.base(contentType);
    String field = optionalString(root, "mediaType");
    if (declared != null && !declared.isEmpty() && !MediaTypes.isManifest(declared)
        && !declared.equals(MediaTypes.JSON) && !declared.equals(MediaTypes.OCTET_STREAM)) {
      // Only generic types defer to the body's own mediaType field.
      throw new InvalidManifestException("unsupported manifest media type '" + declared + "'");
    }
    String mediaType;
    if (declared != null && MediaTypes.isManifest(declared)) {
      if (field != null && !field.equals(declared)) {
        throw new InvalidManifestException(
            "manifest mediaType '" + field + "' does not match Content-Type '" + declared + "'");
      }
      mediaType = declared;
    } else if (field != null && MediaTypes.isManifest(field)) {
      mediaType = field;
    } else if (field == null) {
      mediaType = root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    } else {
      throw new InvalidManifestException("unsupported manifest media type '"
          + (declared != null && !declared.isEmpty() ? declared : field) + "'");
    }
    if (mediaType.startsWith("application/vnd.docker.") && field == null) {
      throw new InvalidManifestException("Docker manifests must carry their mediaType field");
    }
    String artifactType = optionalString(root, "artifactType");
    Descriptor subject = root.has("subject") ? descriptor(root.get("subject"), "subject") : null;
    Map<String, String> annotations = annotations(root.get("annotations"), "annotations");
    if (MediaTypes.isIndex(mediaType)) {
      return new ImageIndex(mediaType, artifactType, descriptors(root.get("manifests"), "manifests", true),
          subject, annotations);
    }
    JsonNode config = root.get("config");
    if (config == null) {
      throw new InvalidManifestException("image manifest has no config");
    }
    List<Descriptor> layers = root.has("layers") ? descriptors(root.get("layers"), "layers", false) : List.of();
    return new ImageManifest(mediaType, artifactType, descriptor(config, "config"), layers, subject, annotations);
  }

  private static List<Descriptor> descriptors(JsonNode node, String where, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        throw new InvalidManifestException(where + " is required");
      }
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidManifestException(where + " must be an array");
    }
    List<Descriptor> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(descriptor(node.get(i), where + "[" + i + "]"));
    }
    return out;
  }

  /** Parses one descriptor object; {@code where} names it in error messages. */
  public static Descriptor descriptor(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new InvalidManifestException(where + " must be a descriptor object");
    }
    String mediaType = optionalString(node, "mediaType");
    if (mediaType == null || mediaType.isEmpty()) {
      throw new InvalidManifestException(where + ".mediaType is required");
    }
    String digestText = optionalString(node, "digest");
    Digest digest;
    try {
      digest = Digest.parse(digestText);
    } catch (InvalidDigestException e) {
      throw new InvalidManifestException(where + ".digest: " + e.getMessage());
    }
    JsonNode size = node.get("size");
    if (size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
      throw new InvalidManifestException(where + ".size must be a non-negative integer");
    }
    List<String> urls = new ArrayList<>();
    JsonNode u = node.get("urls");
    if (u != null && !u.isNull()) {
      if (!u.isArray()) {
        throw new InvalidManifestException(where + ".urls must be an array of strings");
      }
      for (JsonNode e : u) {
        if (!e.isTextual()) {
          throw new InvalidManifestException(where + ".urls must be an array of strings");
        }
        urls.add(e.asText());
      }
    }
    Platform platform = null;
    JsonNode p = node.get("platform");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw new InvalidManifestException(where + ".platform must be an object");
      }
      List<String> osFeatures = new ArrayList<>();
      JsonNode f = p.get("os.features");
      if (f != null && f.isArray()) {
        f.forEach(e -> osFeatures.add(e.asText()));
      }
      platform = new Platform(optionalString(p, "architecture"), optionalString(p, "os"),
          optionalString(p, "os.version"), osFeatures, optionalString(p, "variant"));
    }
    return new Descriptor(mediaType, digest, size.asLong(), urls, annotations(node.get("annotations"),
        where + ".annotations"), optionalString(node, "artifactType"), platform, optionalString(node, "data"));
  }

  private static Map<String, String> annotations(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new InvalidManifestException(where + " must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new InvalidManifestException(where + "." + e.getKey() + " must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static String optionalString(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidManifestException(field + " must be a string");
    }
    return v.asText();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
