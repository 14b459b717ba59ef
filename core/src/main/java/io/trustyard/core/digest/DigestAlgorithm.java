package io.trustyard.core.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The digest algorithms registered by the OCI image spec. */
public enum DigestAlgorithm {
  SHA256("sha256", "SHA-256", 64),
  SHA512("sha512", "SHA-512", 128);

  private final String id;
  private final String jcaName;
  private final int hexLength;

  DigestAlgorithm(String id, String jcaName, int hexLength) {
    this.id = id;
    this.jcaName = jcaName;
    this.hexLength = hexLength;
  }

  /** The name used in digest strings, e.g. {@code sha256}. */
  public String id() {
    return id;
  }

  /** Length of the lowercase hex encoding of a digest of this algorithm. */
  public int hexLength() {
    return hexLength;
  }

  /** A fresh JCA message digest for this algorithm. */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      // Both are mandatory in every Java platform.
      throw new IllegalStateException(jcaName + " is missing from this JDK", e);
    }
  }

  /** The algorithm named {@code id}, if registered. */
  public static Optional<DigestAlgorithm> byId(String id) {
    for (DigestAlgorithm a : values()) {
      if (a.id.equals(id)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
