package io.trustyard.core.tuf.edit;

import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** Keys and root certificates from fixed seeds, so fixtures are the same on every run. */
public final class TestKeys {
  private TestKeys() {}

  public static SecureRandom random(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static TufPrivateKey ecdsa(long seed) {
    return TufKeys.generate(KeyType.ECDSA, random(seed));
  }

  public static TufPrivateKey ed25519(long seed) {
    return TufKeys.generate(KeyType.ED25519, random(seed));
  }

  /** A 1024-bit RSA key, below Notary's minimum: only for showing that it is refused. */
  public static TufPrivateKey weakRsa(long seed) {
    try {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(1024, random(seed));
      java.security.KeyPair pair = generator.generateKeyPair();
      return new TufPrivateKey(TufKeys.fromJca(KeyType.RSA, pair.getPublic()), pair.getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Notary-style root certificate key (CN = gun) valid from {@code from} for ten years. */
  public static TufPublicKey rootCertificate(TufPrivateKey key, String gun, Instant from) {
    return rootCertificate(key, gun, from, from.plus(Duration.ofDays(3650)));
  }

  public static TufPublicKey rootCertificate(TufPrivateKey key, String gun, Instant from, Instant until) {
    return RootCertificates.toX509Key(RootCertificates.create(key, gun, from, until, random(key.id().hashCode())));
  }
}
