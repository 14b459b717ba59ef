package io.trustyard.core.tuf.codec;

import io.trustyard.core.tuf.model.RoleNames;

/** Size limits for untrusted metadata (spec/notary.md §7.6). */
public final class MetadataLimits {
  /** {@code notary.MaxTimestampSize}. */
  public static final long MAX_TIMESTAMP_SIZE = 1L << 20;
  /** {@code notary.MaxDownloadSize}: root, and any role whose length no trusted role announced. */
  public static final long MAX_DOWNLOAD_SIZE = 100L << 20;

  private MetadataLimits() {}

  /** The limit for a role when no trusted metadata announced its length. */
  public static long defaultFor(String role) {
    return role.equals(RoleNames.TIMESTAMP) ? MAX_TIMESTAMP_SIZE : MAX_DOWNLOAD_SIZE;
  }
}
