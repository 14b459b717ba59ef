package io.trustyard.core.tuf.model;

import java.util.List;
import java.util.Objects;

/** A base role's entry in root's {@code roles}: the key IDs that may sign it and how many must. */
public record RoleKeys(List<String> keyIds, int threshold, UnknownFields unknown) {
  public RoleKeys {
    keyIds = List.copyOf(keyIds);
    Objects.requireNonNull(unknown, "unknown");
  }

  public RoleKeys(List<String> keyIds, int threshold) {
    this(keyIds, threshold, UnknownFields.NONE);
  }
}
