package io.trustyard.core.crypto;

import java.security.SecureRandom;

/** RSA key generation is slow on two cores: tests share a few keys made once per run. */
final class RsaKeys {
  private static TufPrivateKey shared;
  private static TufPrivateKey other;

  private RsaKeys() {}

  static synchronized TufPrivateKey shared() {
    if (shared == null) {
      shared = TufKeys.generate(KeyType.RSA, new SecureRandom());
    }
    return shared;
  }

  static synchronized TufPrivateKey other() {
    if (other == null) {
      other = TufKeys.generate(KeyType.RSA, new SecureRandom());
    }
    return other;
  }
}
