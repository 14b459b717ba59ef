package io.trustyard.registry.auth;

import io.trustyard.core.oci.OciErrorCode;

/**
 * Why a request is refused: a 401 with a challenge, or a 403.
 *
 * @param challenge the {@code WWW-Authenticate} value, or null for a 403
 */
public record AuthFailure(OciErrorCode code, String message, String challenge) {
  public int status() {
    return code.httpStatus();
  }
}
