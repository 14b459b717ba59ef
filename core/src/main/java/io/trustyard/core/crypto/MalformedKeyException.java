package io.trustyard.core.crypto;

/**
 * Key bytes, PEM text or a key file cannot be parsed, or a private key does not match the public
 * key it is presented with.
 */
public final class MalformedKeyException extends TufCryptoException {
  public MalformedKeyException(String message) {
    super(message);
  }

  public MalformedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
