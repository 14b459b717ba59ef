package io.trustyard.core.oci;

/** Bytes that are not an acceptable manifest; the message says why. */
public final class InvalidManifestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final boolean tooLarge;

  public InvalidManifestException(String message) {
    this(message, false);
  }

  InvalidManifestException(String message, boolean tooLarge) {
    super(message);
    this.tooLarge = tooLarge;
  }

  /** True when the manifest was rejected only for its size. */
  public boolean tooLarge() {
    return tooLarge;
  }
}
