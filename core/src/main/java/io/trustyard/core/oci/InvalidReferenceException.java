package io.trustyard.core.oci;

/** A string that is not a valid image reference; the message says why. */
public final class InvalidReferenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidReferenceException(String message) {
    super(message);
  }
}
