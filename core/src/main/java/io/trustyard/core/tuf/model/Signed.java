package io.trustyard.core.tuf.model;

import java.util.List;
import java.util.Objects;

/** A metadata file: the {@code signed} body and its {@code signatures}. */
public record Signed<T extends RoleMetadata>(T signed, List<Signature> signatures) {
  public Signed {
    Objects.requireNonNull(signed, "signed");
    signatures = List.copyOf(signatures);
  }
}
