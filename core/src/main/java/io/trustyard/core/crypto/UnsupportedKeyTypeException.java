package io.trustyard.core.crypto;

/** The key type (or curve, or algorithm) is not one Notary supports for the requested operation. */
public final class UnsupportedKeyTypeException extends TufCryptoException {
  public UnsupportedKeyTypeException(String message) {
    super(message);
  }
}
