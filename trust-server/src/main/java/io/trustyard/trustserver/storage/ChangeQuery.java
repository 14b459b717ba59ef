package io.trustyard.trustserver.storage;

/**
 * A changefeed page request with notary's semantics: forward = ids above {@code changeId},
 * ascending; reverse = the newest {@code limit} ids below {@code changeId} (or overall when
 * {@code changeId <= 0}), returned ascending. {@code gun} null = every GUN.
 */
public record ChangeQuery(String gun, long changeId, int limit, boolean reverse) {
  public ChangeQuery {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}
