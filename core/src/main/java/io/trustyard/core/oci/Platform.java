package io.trustyard.core.oci;

import java.util.List;

/** The platform of an index entry. */
public record Platform(String architecture, String os, String osVersion, List<String> osFeatures, String variant) {
  public Platform {
    osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
  }
}
