package io.trustyard.client.notary;

import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.core.tuf.edit.TufSigner;
import io.trustyard.core.tuf.model.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs with the private keys of a trust dir: a key is used when its file ({@code private/<canonical
 * ID>.key}) exists, and decrypted (asking for its passphrase) only then.
 */
final class KeyStoreSigner implements TufSigner {
  private final KeyFileStore keys;

  KeyStoreSigner(KeyFileStore keys) {
    this.keys = keys;
  }

  @Override
  public List<Signature> sign(byte[] canonical, List<TufPublicKey> wanted) {
    List<Signature> signatures = new ArrayList<>();
    for (TufPublicKey key : wanted) {
      String canonicalId;
      try {
        canonicalId = key.canonicalId();
      } catch (RuntimeException e) {
        continue;
      }
      if (!keys.has(canonicalId) || signatures.stream().anyMatch(s -> s.keyId().equals(key.id()))) {
        continue;
      }
      TufPrivateKey privateKey = keys.load(canonicalId);
      signatures.add(new Signature(key.id(), privateKey.signatureMethod(), TufSignatures.sign(privateKey, canonical)));
    }
    return signatures;
  }
}
