package io.trustyard.signer.keys;

import java.time.Instant;
import java.util.Optional;

/**
 * Storage of encrypted keys, with notary-signer's semantics: deletion is soft (a deleted key is
 * gone for every method, and its ID cannot be reused), {@code lastUsed} is set when a key signs,
 * and a never-used key of a role/GUN/type can be handed out again by CreateKey.
 */
public interface KeyStore extends AutoCloseable {

  /**
   * Adds a key. {@code lastUsed} of the argument is ignored (a new key is unused).
   *
   * @throws DuplicateKeyException if a key (even a deleted one) has that ID
   */
  void add(StoredKey key);

  /** The key with that ID, unless missing or deleted. */
  Optional<StoredKey> get(String keyId);

  /** The never-used key of that role, GUN and type with the lowest key ID, if any. */
  Optional<StoredKey> firstUnused(String role, String gun, String algorithm);

  /** Soft-deletes the key; returns whether an undeleted key was there. */
  boolean delete(String keyId);

  /** Records that the key signed at {@code when}. */
  void markUsed(String keyId, Instant when);

  /** How many undeleted keys there are of each algorithm (for the signer's metrics). */
  java.util.Map<String, Long> countByAlgorithm();

  @Override
  default void close() {}

  /** A key ID that is already taken. */
  final class DuplicateKeyException extends RuntimeException {
    public DuplicateKeyException(String keyId) {
      super("a key with ID " + keyId + " already exists");
    }
  }
}
