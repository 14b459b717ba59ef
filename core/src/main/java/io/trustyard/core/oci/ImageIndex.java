package io.trustyard.core.oci;

import java.util.List;
import java.util.Map;

/** An OCI image index or Docker manifest list. */
public record ImageIndex(
    String mediaType,
    String artifactType,
    List<Descriptor> manifests,
    Descriptor subject,
    Map<String, String> annotations) implements Manifest {

  public ImageIndex {
    manifests = List.copyOf(manifests);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  @Override
  public List<Descriptor> references() {
    return manifests;
  }
}
