package io.trustyard.core.digest;

/** A string that is not a digest we accept; the message says why, for a person to act on. */
public final class InvalidDigestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final boolean unsupportedAlgorithm;

  InvalidDigestException(String message, boolean unsupportedAlgorithm) {
    super(message);
    this.unsupportedAlgorithm = unsupportedAlgorithm;
  }

  /** True when the string is grammatical but names an algorithm we do not implement. */
  public boolean unsupportedAlgorithm() {
    return unsupportedAlgorithm;
  }
}
