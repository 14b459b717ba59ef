package io.trustyard.core.tuf.model;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The {@code signed} body of a metadata file. {@code expires} keeps its offset so that a file
 * written in a local zone re-serialises unchanged.
 */
public sealed interface RoleMetadata
    permits RootMetadata, TargetsMetadata, SnapshotMetadata, TimestampMetadata {

  /** The {@code _type} value: {@code Root}, {@code Targets}, {@code Snapshot} or {@code Timestamp}. */
  String type();

  long version();

  OffsetDateTime expires();

  UnknownFields unknown();

  /** Expired when {@code expires} is before {@code now} (Go's {@code Before}). */
  default boolean isExpiredAt(Instant now) {
    return expires().toInstant().isBefore(now);
  }

  /** A copy with another version and expiry: the first step of producing the next version. */
  RoleMetadata withVersionAndExpiry(long version, OffsetDateTime expires);
}
