package io.trustyard.client;

import io.trustyard.core.digest.Digest;

/**
 * Content whose bytes do not match what they were asked for: the digest or the size differs. The
 * content was discarded; nothing that failed verification is ever handed on.
 */
public class VerificationException extends RuntimeException {

  private final Digest expected;

  public VerificationException(Digest expected, String message) {
    super(message);
    this.expected = expected;
  }

  /** The digest the content should have had. */
  public Digest expected() {
    return expected;
  }
}
