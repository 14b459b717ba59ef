package io.trustyard.core.tuf.edit;

import io.trustyard.core.tuf.model.RoleNames;
import java.time.Duration;

/** How long each role's metadata stays valid after signing (spec/notary.md §2.10). */
public record Expiries(Duration root, Duration targets, Duration snapshot, Duration timestamp) {
  /** What the Notary client and server configure: 10 years, 3 years, 3 years, 14 days (365-day years). */
  public static final Expiries NOTARY = new Expiries(Duration.ofDays(3650), Duration.ofDays(1095),
      Duration.ofDays(1095), Duration.ofDays(14));

  /** Delegations expire like targets. */
  public Duration forRole(String role) {
    return switch (role) {
      case RoleNames.ROOT -> root;
      case RoleNames.SNAPSHOT -> snapshot;
      case RoleNames.TIMESTAMP -> timestamp;
      default -> targets;
    };
  }
}
