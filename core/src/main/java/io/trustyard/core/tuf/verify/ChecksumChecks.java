package io.trustyard.core.tuf.verify;

import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.model.FileMeta;
import java.util.Map;

/** Raw bytes against the length and hashes a referencing role lists (spec/notary.md §2.13). */
public final class ChecksumChecks {
  private ChecksumChecks() {}

  /**
   * @throws TufException {@link TufError#MISSING_META} when {@code meta} has no entry for
   *     {@code role}, {@link TufError#LENGTH_MISMATCH}, {@link TufError#HASH_MISMATCH} (also when
   *     neither sha256 nor sha512 is listed)
   */
  public static void require(String referrer, Map<String, FileMeta> meta, String role, byte[] raw) {
    FileMeta expected = meta.get(role);
    if (expected == null) {
      throw new TufException(TufError.MISSING_META, role, referrer + " lists no hashes for " + role);
    }
    require(referrer, expected, role, raw);
  }

  public static void require(String referrer, FileMeta expected, String role, byte[] raw) {
    if (raw.length != expected.length()) {
      throw new TufException(TufError.LENGTH_MISMATCH, role, "is " + raw.length + " bytes but "
          + referrer + " says " + expected.length());
    }
    if (!expected.hashesMatch(raw)) {
      throw new TufException(TufError.HASH_MISMATCH, role,
          "the bytes do not match the hashes listed in " + referrer);
    }
  }
}
