package io.trustyard.core.json;

/** A value that Notary's canonical encoder cannot represent (fractional or out-of-range number, ...). */
public final class CanonicalJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CanonicalJsonException(String message) {
    super(message);
  }
}
