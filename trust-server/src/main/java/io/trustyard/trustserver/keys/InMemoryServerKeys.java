package io.trustyard.trustserver.keys;

import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import java.security.SecureRandom;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys kept in memory only, like notary-server's {@code trust_service.type = local}: lost on
 * restart. For tests and throwaway servers; the real server uses the signer's key store.
 */
public final class InMemoryServerKeys implements ServerKeys {
  private final Map<String, TufPrivateKey> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  @Override
  public TufPublicKey create(String gun, String role, String algorithm) {
    KeyType type = KeyType.fromWireName(algorithm)
        .filter(t -> t == KeyType.ECDSA || t == KeyType.ED25519)
        .orElseThrow(() -> new IllegalArgumentException("unsupported key algorithm " + algorithm));
    TufPrivateKey key = TufKeys.generate(type, random);
    keys.put(key.id(), key);
    return key.publicKey();
  }

  @Override
  public Optional<TufPublicKey> publicKey(String keyId) {
    return Optional.ofNullable(keys.get(keyId)).map(TufPrivateKey::publicKey);
  }

  @Override
  public byte[] sign(String keyId, byte[] content) {
    TufPrivateKey key = keys.get(keyId);
    if (key == null) {
      throw new NoSuchElementException("key " + keyId + " not found");
    }
    return TufSignatures.sign(key, content);
  }
}
