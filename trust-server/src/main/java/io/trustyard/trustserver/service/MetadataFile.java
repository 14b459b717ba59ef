package io.trustyard.trustserver.service;

import java.time.Instant;

/** A metadata file as served: its exact bytes and the time for {@code Last-Modified}. */
public record MetadataFile(byte[] data, Instant lastModified) {
  public MetadataFile {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
