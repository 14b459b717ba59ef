package io.trustyard.core.tuf.model;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** targets.json's or a delegation's {@code signed} (spec/notary.md §2.3). */
public record TargetsMetadata(long version, OffsetDateTime expires, Map<String, FileMeta> targets,
    Delegations delegations, UnknownFields unknown) implements RoleMetadata {
  public static final String TYPE = "Targets";

  public TargetsMetadata {
    Objects.requireNonNull(expires, "expires");
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    Objects.requireNonNull(delegations, "delegations");
    Objects.requireNonNull(unknown, "unknown");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public TargetsMetadata withVersionAndExpiry(long newVersion, OffsetDateTime newExpires) {
    return new TargetsMetadata(newVersion, newExpires, targets, delegations, unknown);
  }

  public TargetsMetadata withTargets(Map<String, FileMeta> newTargets) {
    return new TargetsMetadata(version, expires, newTargets, delegations, unknown);
  }

  public TargetsMetadata withDelegations(Delegations newDelegations) {
    return new TargetsMetadata(version, expires, targets, newDelegations, unknown);
  }
}
