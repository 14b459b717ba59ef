package io.trustyard.signer;

import java.util.Objects;

/** A failed signer request; the message says what to fix and never contains key material. */
public class SignerException extends RuntimeException {

  private final SignerError error;

  public SignerException(SignerError error, String message) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
  }

  public SignerException(SignerError error, String message, Throwable cause) {
    super(message, cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  public SignerError error() {
    return error;
  }
}
