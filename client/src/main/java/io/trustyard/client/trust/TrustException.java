package io.trustyard.client.trust;

/**
 * Content trust could not do what was asked. {@link #kind()} says why in a way a program can act
 * on; the message says it in a way a person can.
 */
public class TrustException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why content trust failed. */
  public enum Kind {
    /** The trust server could not be reached (connection refused, DNS, timeout). */
    UNREACHABLE,
    /** The TLS handshake with the trust server failed (unknown CA, wrong host name). */
    TLS,
    /** The trust server wants credentials we do not have, or refused the ones we sent. */
    UNAUTHORIZED,
    /** The trust server has no trust data for the repository (404 on its root). */
    REPOSITORY_NOT_FOUND,
    /** A metadata file the server should have is missing (404 for a role other than root). */
    METADATA_NOT_FOUND,
    /** The repository has trust data, but none for the tag. */
    TARGET_NOT_FOUND,
    /** The server answered something other than what the protocol allows (5xx, bad body). */
    SERVER,
    /** The server refused an update (400 with a validation error). */
    REJECTED,
    /** Metadata failed verification (signature, threshold, hash, pinning, ...). */
    VERIFICATION,
    /** Metadata is expired (possible freeze attack, or the repository needs re-signing). */
    EXPIRED,
    /** Metadata is older than metadata already trusted (possible rollback attack). */
    ROLLBACK,
    /** A passphrase did not decrypt a key. */
    WRONG_PASSPHRASE,
    /** No passphrase could be obtained (no environment variable and no terminal). */
    NO_PASSPHRASE,
    /** A signing key the operation needs is not in the trust dir. */
    MISSING_KEY,
    /** The trust dir could not be read or written. */
    STORAGE,
    /** The request itself is invalid (bad GUN, bad role, bad server URL). */
    INVALID
  }

  private final Kind kind;

  public TrustException(Kind kind, String message) {
    this(kind, message, null);
  }

  public TrustException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
