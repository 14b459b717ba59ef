package io.trustyard.core.tuf.model;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** timestamp.json's {@code signed}: the snapshot's hashes and length (§2.5). */
public record TimestampMetadata(long version, OffsetDateTime expires, Map<String, FileMeta> meta,
    UnknownFields unknown) implements RoleMetadata {
  public static final String TYPE = "Timestamp";

  public TimestampMetadata {
    Objects.requireNonNull(expires, "expires");
    meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    Objects.requireNonNull(unknown, "unknown");
  }

  @Override
  public String type() {
    return TYPE;
  }

  public Optional<FileMeta> snapshot() {
    return Optional.ofNullable(meta.get(RoleNames.SNAPSHOT));
  }

  @Override
  public TimestampMetadata withVersionAndExpiry(long newVersion, OffsetDateTime newExpires) {
    return new TimestampMetadata(newVersion, newExpires, meta, unknown);
  }

  public TimestampMetadata withMeta(Map<String, FileMeta> newMeta) {
    return new TimestampMetadata(version, expires, newMeta, unknown);
  }
}
