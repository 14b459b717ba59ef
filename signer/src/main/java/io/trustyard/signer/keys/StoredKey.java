package io.trustyard.signer.keys;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of notary-signer's {@code private_keys} table: the public half in the clear, the
 * private half as a JWE ({@link Jwe}) under the passphrase of {@code passphraseAlias}.
 */
public record StoredKey(
    String keyId,
    String algorithm,
    String gun,
    String role,
    byte[] publicBytes,
    String encryptedPrivate,
    String passphraseAlias,
    Optional<Instant> lastUsed) {

  public StoredKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(gun, "gun");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(encryptedPrivate, "encryptedPrivate");
    Objects.requireNonNull(passphraseAlias, "passphraseAlias");
    Objects.requireNonNull(lastUsed, "lastUsed");
    publicBytes = publicBytes.clone();
  }

  @Override
  public byte[] publicBytes() {
    return publicBytes.clone();
  }

  public StoredKey withLastUsed(Instant when) {
    return new StoredKey(keyId, algorithm, gun, role, publicBytes, encryptedPrivate, passphraseAlias, Optional.of(when));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredKey k && keyId.equals(k.keyId) && algorithm.equals(k.algorithm) && gun.equals(k.gun)
        && role.equals(k.role) && Arrays.equals(publicBytes, k.publicBytes)
        && encryptedPrivate.equals(k.encryptedPrivate) && passphraseAlias.equals(k.passphraseAlias)
        && lastUsed.equals(k.lastUsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, algorithm, gun, role, Arrays.hashCode(publicBytes), passphraseAlias);
  }

  /** Never prints the encrypted private key. */
  @Override
  public String toString() {
    return "StoredKey[" + algorithm + " " + keyId + " gun=" + gun + " role=" + role + " alias=" + passphraseAlias + "]";
  }
}
