package io.trustyard.core.oci;

import java.util.Optional;

/**
 * The error codes of the OCI distribution spec and of distribution (docker-registry), with the
 * HTTP status and default message distribution uses for each.
 */
public enum OciErrorCode {
  BLOB_UNKNOWN(404, "blob unknown to registry"),
  // distribution answers 404 for this one; kept for compatibility.
  BLOB_UPLOAD_INVALID(404, "blob upload invalid"),
  BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),
  DIGEST_INVALID(400, "provided digest did not match uploaded content"),
  MANIFEST_BLOB_UNKNOWN(400, "blob unknown to registry"),
  MANIFEST_INVALID(400, "manifest invalid"),
  MANIFEST_UNKNOWN(404, "manifest unknown"),
  MANIFEST_UNVERIFIED(400, "manifest failed signature verification"),
  NAME_INVALID(400, "invalid repository name"),
  NAME_UNKNOWN(404, "repository name not known to registry"),
  SIZE_INVALID(400, "provided length did not match content length"),
  TAG_INVALID(400, "manifest tag did not match URI"),
  UNAUTHORIZED(401, "authentication required"),
  DENIED(403, "requested access to the resource is denied"),
  UNSUPPORTED(405, "The operation is unsupported."),
  TOOMANYREQUESTS(429, "too many requests"),
  PAGINATION_NUMBER_INVALID(400, "invalid number of results requested"),
  RANGE_INVALID(416, "invalid content range"),
  UNAVAILABLE(503, "service unavailable"),
  UNKNOWN(500, "unknown error");

  private final int httpStatus;
  private final String message;

  OciErrorCode(int httpStatus, String message) {
    this.httpStatus = httpStatus;
    this.message = message;
  }

  /** The code as written on the wire, e.g. {@code BLOB_UNKNOWN}. */
  public String code() {
    return name();
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String message() {
    return message;
  }

  /** The enum constant for a wire code; empty for codes this version does not know. */
  public static Optional<OciErrorCode> fromCode(String code) {
    for (OciErrorCode c : values()) {
      if (c.name().equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
