package io.trustyard.core.tuf.model;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** snapshot.json's {@code signed}: hashes and lengths of root, targets and delegations (§2.4). */
public record SnapshotMetadata(long version, OffsetDateTime expires, Map<String, FileMeta> meta,
    UnknownFields unknown) implements RoleMetadata {
  public static final String TYPE = "Snapshot";

  public SnapshotMetadata {
    Objects.requireNonNull(expires, "expires");
    meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    Objects.requireNonNull(unknown, "unknown");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public SnapshotMetadata withVersionAndExpiry(long newVersion, OffsetDateTime newExpires) {
    return new SnapshotMetadata(newVersion, newExpires, meta, unknown);
  }

  public SnapshotMetadata withMeta(Map<String, FileMeta> newMeta) {
    return new SnapshotMetadata(version, expires, newMeta, unknown);
  }
}
