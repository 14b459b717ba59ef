package io.trustyard.signer.keys;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Keys in memory, gone when the process ends (notary-signer's {@code memory} backend). */
public final class MemoryKeyStore implements KeyStore {

  private final Map<String, StoredKey> keys = new LinkedHashMap<>();
  private final Set<String> deleted = new HashSet<>();

  @Override
  public synchronized void add(StoredKey key) {
    if (keys.containsKey(key.keyId()) || deleted.contains(key.keyId())) {
      throw new DuplicateKeyException(key.keyId());
    }
    keys.put(key.keyId(), new StoredKey(key.keyId(), key.algorithm(), key.gun(), key.role(), key.publicBytes(),
        key.encryptedPrivate(), key.passphraseAlias(), Optional.empty()));
  }

  @Override
  public synchronized Optional<StoredKey> get(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public synchronized Optional<StoredKey> firstUnused(String role, String gun, String algorithm) {
    return keys.values().stream()
        .filter(k -> k.role().equals(role) && k.gun().equals(gun) && k.algorithm().equals(algorithm))
        .filter(k -> k.lastUsed().isEmpty())
        .min(Comparator.comparing(StoredKey::keyId));
  }

  @Override
  public synchronized boolean delete(String keyId) {
    if (keys.remove(keyId) == null) {
      return false;
    }
    deleted.add(keyId);
    return true;
  }

  @Override
  public synchronized Map<String, Long> countByAlgorithm() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    keys.values().forEach(k -> counts.merge(k.algorithm(), 1L, Long::sum));
    return counts;
  }

  @Override
  public synchronized void markUsed(String keyId, Instant when) {
    keys.computeIfPresent(keyId, (id, k) -> k.withLastUsed(when));
  }
}
