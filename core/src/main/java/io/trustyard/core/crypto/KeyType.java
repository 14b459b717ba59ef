package io.trustyard.core.crypto;

import java.util.Optional;

/** Notary key types (spec/notary.md §2.6) with their wire names. */
public enum KeyType {
  ECDSA("ecdsa"),
  ECDSA_X509("ecdsa-x509"),
  RSA("rsa"),
  RSA_X509("rsa-x509"),
  ED25519("ed25519");

  private final String wireName;

  KeyType(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code keytype} string of TUF metadata. */
  public String wireName() {
    return wireName;
  }

  /** Exact, case-sensitive match as in Go (an unknown string is an "unknown" key there too). */
  public static Optional<KeyType> fromWireName(String s) {
    for (KeyType t : values()) {
      if (t.wireName.equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public boolean isX509() {
    return this == ECDSA_X509 || this == RSA_X509;
  }

  /** The bare key type behind a certificate type (ECDSA for ECDSA_X509...); itself otherwise. */
  public KeyType bareType() {
    return switch (this) {
      case ECDSA_X509 -> ECDSA;
      case RSA_X509 -> RSA;
      default -> this;
    };
  }

  /** The signature method this key type signs with ("ecdsa", "rsapss" or "eddsa"). */
  public String signatureMethod() {
    return switch (bareType()) {
      case ECDSA -> "ecdsa";
      case RSA -> "rsapss";
      case ED25519 -> "eddsa";
      default -> throw new IllegalStateException(name());
    };
  }
}
