package io.trustyard.trustserver.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of one role's metadata file, as notary-server's {@code tuf_files} row holds
 * it. {@code data} is the exact byte sequence received or generated; {@code sha256} is its hex
 * digest.
 */
public record StoredMetadata(
    String gun, String role, int version, byte[] data, String sha256, Instant createdAt, Instant updatedAt) {

  public StoredMetadata {
    Objects.requireNonNull(gun);
    Objects.requireNonNull(role);
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public int length() {
    return data.length;
  }
}
