package io.trustyard.core.tuf.edit;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.model.Signature;
import java.util.List;

/** Signs canonical metadata bytes with private keys it holds. */
@FunctionalInterface
public interface TufSigner {
  /**
   * Signs {@code canonical} with every key of {@code keys} whose private half this signer holds
   * (found by {@link TufPublicKey#canonicalId()}, so an x509 root key is signed by its bare key).
   * Each signature carries the {@code keyid} of the key as given ({@link TufPublicKey#id()}).
   * Keys it does not hold are skipped; an empty list means it holds none of them.
   */
  List<Signature> sign(byte[] canonical, List<TufPublicKey> keys);
}
