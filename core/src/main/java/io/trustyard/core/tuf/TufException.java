package io.trustyard.core.tuf;

import java.util.Objects;

/** Metadata was refused; {@link #error()} names why and the message says which role and what to do. */
public final class TufException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final TufError error;
  private final String role;
  private final String detail;

  public TufException(TufError error, String role, String message) {
    this(error, role, message, null);
  }

  public TufException(TufError error, String role, String message, Throwable cause) {
    super(role + ": " + message, cause);
    this.error = Objects.requireNonNull(error);
    this.role = Objects.requireNonNull(role);
    this.detail = message;
  }

  public TufError error() {
    return error;
  }

  /** The message without the role in front. */
  public String detail() {
    return detail;
  }

  /** The role whose metadata was refused. */
  public String role() {
    return role;
  }
}
