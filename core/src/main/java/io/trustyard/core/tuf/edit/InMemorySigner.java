package io.trustyard.core.tuf.edit;

import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.core.tuf.model.Signature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link TufSigner} over private keys already in memory (decrypted key files, tests). */
public final class InMemorySigner implements TufSigner {
  private final Map<String, TufPrivateKey> byCanonicalId = new LinkedHashMap<>();

  public InMemorySigner(Collection<TufPrivateKey> keys) {
    keys.forEach(k -> byCanonicalId.put(k.canonicalId(), k));
  }

  @Override
  public List<Signature> sign(byte[] canonical, List<TufPublicKey> keys) {
    List<Signature> signatures = new ArrayList<>();
    for (TufPublicKey key : keys) {
      TufPrivateKey privateKey = byCanonicalId.get(key.canonicalId());
      if (privateKey != null && signatures.stream().noneMatch(s -> s.keyId().equals(key.id()))) {
        signatures.add(new Signature(key.id(), privateKey.signatureMethod(),
            TufSignatures.sign(privateKey, canonical)));
      }
    }
    return signatures;
  }
}
