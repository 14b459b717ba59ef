package io.trustyard.core.crypto;

/**
 * The passphrase does not decrypt the key file. Raised instead of ever returning key material
 * decrypted with a wrong passphrase (callers may prompt again, as Notary does up to 10 times).
 */
public final class WrongPassphraseException extends TufCryptoException {
  public WrongPassphraseException(String message) {
    super(message);
  }
}
