package io.trustyard.trustserver.storage;

import java.time.Instant;

/**
 * One changefeed record: a new timestamp version ({@link #UPDATE}) or the deletion of a GUN
 * ({@link #DELETION}, version 0, empty sha256).
 */
public record Change(long id, Instant createdAt, String gun, int version, String sha256, String category) {
  public static final String UPDATE = "update";
  public static final String DELETION = "deletion";
}
