package io.trustyard.core.oci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An OCI image manifest or Docker schema2 manifest. */
public record ImageManifest(
    String mediaType,
    String artifactType,
    Descriptor config,
    List<Descriptor> layers,
    Descriptor subject,
    Map<String, String> annotations) implements Manifest {

  public ImageManifest {
    layers = List.copyOf(layers);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** Config and layers, except foreign/non-distributable layers that point elsewhere by URL. */
  @Override
  public List<Descriptor> references() {
    List<Descriptor> refs = new ArrayList<>();
    refs.add(config);
    for (Descriptor layer : layers) {
      if (!(MediaTypes.NON_DISTRIBUTABLE_LAYERS.contains(layer.mediaType()) && !layer.urls().isEmpty())) {
        refs.add(layer);
      }
    }
    return refs;
  }

  /** The artifact type the referrers API reports: artifactType, else the config's media type. */
  public String effectiveArtifactType() {
    return artifactType != null ? artifactType : config.mediaType();
  }
}
