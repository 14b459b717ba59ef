package io.trustyard.core.json;

/** Input that is not one complete, well-formed JSON document within the allowed size. */
public final class MalformedJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedJsonException(String message, Throwable cause) {
    super(message, cause);
  }

  public MalformedJsonException(String message) {
    super(message);
  }
}
