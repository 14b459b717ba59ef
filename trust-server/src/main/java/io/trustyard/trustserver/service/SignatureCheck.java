package io.trustyard.trustserver.service;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.core.tuf.codec.Parsed;
import io.trustyard.core.tuf.model.Signature;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Threshold signature checks as notary does them: signatures over the canonical bytes of the
 * parsed {@code signed} object, counted once per distinct listed key whose ID the signature names.
 */
final class SignatureCheck {
  private SignatureCheck() {}

  /** The IDs of the listed keys that validly signed {@code file}. */
  static Set<String> validSigners(Parsed<?> file, Collection<String> keyIds, Map<String, TufPublicKey> keys) {
    Set<String> valid = new HashSet<>();
    byte[] message = file.signedBytes();
    for (Signature s : file.metadata().signatures()) {
      if (!keyIds.contains(s.keyId()) || valid.contains(s.keyId())) {
        continue;
      }
      TufPublicKey key = keys.get(s.keyId());
      if (key != null && key.id().equals(s.keyId()) && TufSignatures.verify(key, s.method(), s.sig(), message)) {
        valid.add(s.keyId());
      }
    }
    return valid;
  }

  static boolean meetsThreshold(Parsed<?> file, Collection<String> keyIds, Map<String, TufPublicKey> keys, int threshold) {
    return threshold >= 1 && validSigners(file, keyIds, keys).size() >= threshold;
  }
}
