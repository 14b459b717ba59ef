package io.trustyard.trustserver.storage;

import java.util.Objects;

/** One file of an atomic update: a role's new version with its exact bytes. */
public record MetadataUpdate(String role, int version, byte[] data) {
  public MetadataUpdate {
    Objects.requireNonNull(role);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
