package io.trustyard.core.crypto;

/** Base of the named errors of this package; unchecked so that callers handle the ones they can act on. */
public class TufCryptoException extends RuntimeException {
  public TufCryptoException(String message) {
    super(message);
  }

  public TufCryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
