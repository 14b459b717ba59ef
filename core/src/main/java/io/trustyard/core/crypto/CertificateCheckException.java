package io.trustyard.core.crypto;

import java.util.Objects;

/** A root-role certificate fails one of the checks of spec/notary.md §2.11; {@link #reason()} says which. */
public final class CertificateCheckException extends TufCryptoException {
  /** Why a certificate key was refused. */
  public enum Reason {
    /** The key is not an {@code ecdsa-x509} or {@code rsa-x509} key. */
    NOT_A_CERTIFICATE_KEY,
    /** The PEM is not a bundle of parsable CERTIFICATE blocks. */
    MALFORMED_CERTIFICATE,
    /** The bundle holds no non-CA (leaf) certificate. */
    NO_LEAF_CERTIFICATE,
    /** The bundle holds more than one non-CA certificate. */
    MULTIPLE_LEAF_CERTIFICATES,
    /** The leaf is not the first certificate (the one whose key verifies signatures). */
    LEAF_NOT_FIRST,
    /** The key type does not match the leaf certificate's public key algorithm. */
    KEY_TYPE_MISMATCH,
    /** The leaf's CN is neither the GUN nor a wildcard prefix of it. */
    CN_MISMATCH,
    /** NotBefore is after NotAfter. */
    INVALID_VALIDITY_WINDOW,
    /** NotAfter is before now. */
    EXPIRED,
    /** NotBefore is more than one day after now. */
    NOT_YET_VALID,
    /** Signed with a SHA-1 based algorithm. */
    SHA1_SIGNATURE,
    /** RSA modulus under 2048 bits. */
    RSA_KEY_TOO_SMALL
  }

  private final Reason reason;

  public CertificateCheckException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
