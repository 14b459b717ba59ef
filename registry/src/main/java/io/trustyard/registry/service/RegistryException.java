package io.trustyard.registry.service;

import io.trustyard.core.oci.OciErrorCode;
import java.util.List;

/**
 * A request the registry refuses, with the distribution error code(s) to answer. Thrown before
 * anything is changed, unless the message says otherwise.
 */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One error entry; {@code detail} is serialised as JSON (a String, Map or List), may be null. */
  public record Error(OciErrorCode code, String message, Object detail) {}

  private final transient List<Error> errors;
  private final int status;

  public RegistryException(OciErrorCode code, String message) {
    this(code, message, null);
  }

  public RegistryException(OciErrorCode code, String message, Object detail) {
    this(List.of(new Error(code, message, detail)), code.httpStatus());
  }

  public RegistryException(List<Error> errors, int status) {
    super(errors.get(0).code() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
    this.status = status;
  }

  /** Same error with another HTTP status (e.g. 413 for an oversized manifest). */
  public static RegistryException withStatus(int status, OciErrorCode code, String message) {
    return new RegistryException(List.of(new Error(code, message, null)), status);
  }

  public List<Error> errors() {
    return errors;
  }

  public OciErrorCode code() {
    return errors.get(0).code();
  }

  public int status() {
    return status;
  }
}
