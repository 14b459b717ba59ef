package io.trustyard.core.tuf.verify;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.core.tuf.TufError;
import io.trustyard.core.tuf.TufException;
import io.trustyard.core.tuf.model.Signature;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Signature thresholds (spec/notary.md §2.7). */
public final class SignatureChecks {
  private SignatureChecks() {}

  /**
   * The IDs of the role keys that validly signed {@code signedBytes}: each signature is looked up
   * by its {@code keyid} among {@code roleKeys} (signatures by other keys are ignored) and each
   * key counts once.
   */
  public static Set<String> validSigners(byte[] signedBytes, List<Signature> signatures,
      Collection<TufPublicKey> roleKeys) {
    return tally(signedBytes, signatures, roleKeys).valid;
  }

  /**
   * Requires at least {@code threshold} distinct valid signatures by {@code roleKeys}.
   *
   * @return the IDs of the keys that validly signed
   * @throws TufException {@link TufError#BAD_SIGNATURE} when short and a role key's signature was
   *     invalid, {@link TufError#THRESHOLD_NOT_MET} when short otherwise,
   *     {@link TufError#INVALID_STRUCTURE} for a threshold under 1
   */
  public static Set<String> requireThreshold(String role, byte[] signedBytes,
      List<Signature> signatures, Collection<TufPublicKey> roleKeys, int threshold) {
    if (threshold < 1) {
      throw new TufException(TufError.INVALID_STRUCTURE, role, "threshold " + threshold + " is below 1");
    }
    Tally tally = tally(signedBytes, signatures, roleKeys);
    if (tally.valid.size() < threshold) {
      String counts = tally.valid.size() + " valid signature(s) from the role's keys, threshold "
          + threshold;
      if (!tally.invalid.isEmpty()) {
        throw new TufException(TufError.BAD_SIGNATURE, role,
            "invalid signature by key(s) " + tally.invalid + "; " + counts);
      }
      throw new TufException(TufError.THRESHOLD_NOT_MET, role, counts);
    }
    return tally.valid;
  }

  private record Tally(Set<String> valid, Set<String> invalid) {}

  private static Tally tally(byte[] signedBytes, List<Signature> signatures,
      Collection<TufPublicKey> roleKeys) {
    Map<String, TufPublicKey> byId = new LinkedHashMap<>();
    roleKeys.forEach(k -> byId.put(k.id(), k));
    Set<String> valid = new LinkedHashSet<>();
    Set<String> invalid = new LinkedHashSet<>();
    for (Signature s : signatures) {
      TufPublicKey key = byId.get(s.keyId());
      if (key == null || valid.contains(s.keyId())) {
        continue;
      }
      if (TufSignatures.verify(key, s.method(), s.sig(), signedBytes)) {
        valid.add(s.keyId());
        invalid.remove(s.keyId());
      } else {
        invalid.add(s.keyId());
      }
    }
    return new Tally(valid, invalid);
  }
}
