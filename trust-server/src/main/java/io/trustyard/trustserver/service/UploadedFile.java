package io.trustyard.trustserver.service;

import java.util.Objects;

/** One part of an atomic update: the role it is for and the bytes as received. */
public record UploadedFile(String role, byte[] data) {
  public UploadedFile {
    Objects.requireNonNull(role);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
