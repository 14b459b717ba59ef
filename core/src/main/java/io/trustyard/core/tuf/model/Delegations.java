package io.trustyard.core.tuf.model;

import io.trustyard.core.crypto.TufPublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A targets role's {@code delegations}: keys by TUF ID and the delegated roles in lookup order. */
public record Delegations(Map<String, TufPublicKey> keys, List<DelegatedRole> roles,
    UnknownFields unknown) {
  public static final Delegations EMPTY = new Delegations(Map.of(), List.of(), UnknownFields.NONE);

  public Delegations {
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    roles = List.copyOf(roles);
    Objects.requireNonNull(unknown, "unknown");
  }

  public Optional<DelegatedRole> role(String name) {
    return roles.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
