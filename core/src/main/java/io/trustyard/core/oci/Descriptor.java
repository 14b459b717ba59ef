package io.trustyard.core.oci;

import io.trustyard.core.digest.Digest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OCI content descriptor.
 *
 * @param data base64 of the embedded content as written, or null
 * @param artifactType may be null
 * @param platform only on index entries; may be null
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    List<String> urls,
    Map<String, String> annotations,
    String artifactType,
    Platform platform,
    String data) {

  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("descriptor size must not be negative");
    }
    urls = urls == null ? List.of() : List.copyOf(urls);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public static Descriptor of(String mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, List.of(), Map.of(), null, null, null);
  }
}
