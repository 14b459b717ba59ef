package io.trustyard.client.registry;

import io.trustyard.core.oci.OciErrors;
import java.util.List;

/**
 * A registry operation that failed, with a message a person can act on. {@link #kind} says what
 * went wrong in terms a caller can branch on; {@link #errors} holds the registry's own error
 * envelope when it sent one.
 */
public class RegistryException extends RuntimeException {

  /** What kind of failure this is. */
  public enum Kind {
    /** The registry could not be reached (DNS, refused connection, timeout). */
    UNREACHABLE,
    /** The TLS handshake failed (unknown CA, wrong host name, plain HTTP server). */
    TLS,
    /** The registry wants credentials, or rejected the ones given. */
    UNAUTHORIZED,
    /** Authenticated, but not allowed. */
    DENIED,
    /** The repository, manifest or blob does not exist. */
    NOT_FOUND,
    /** The registry rejected what we sent. */
    REJECTED,
    /** Too many requests. */
    RATE_LIMITED,
    /** The registry failed (5xx) or answered something that is not the protocol. */
    SERVER
  }

  private final Kind kind;
  private final int status;
  private final List<OciErrors.Entry> errors;

  public RegistryException(Kind kind, String message) {
    this(kind, message, 0, List.of(), null);
  }

  public RegistryException(Kind kind, String message, int status, List<OciErrors.Entry> errors,
      Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int status() {
    return status;
  }

  public List<OciErrors.Entry> errors() {
    return errors;
  }

  /** True if the registry named this OCI error code. */
  public boolean hasCode(String code) {
    return errors.stream().anyMatch(e -> e.code().equals(code));
  }
}
