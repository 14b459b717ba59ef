package io.trustyard.registry.auth;

import io.trustyard.core.oci.OciErrorCode;
import java.util.List;

/** htpasswd basic auth: an authenticated user may do everything; others get a Basic challenge. */
public final class BasicAccessController implements AccessController {
  private final Htpasswd htpasswd;
  private final String realm;

  public BasicAccessController(Htpasswd htpasswd, String realm) {
    this.htpasswd = htpasswd;
    this.realm = realm == null ? "trustyard-registry" : realm;
  }

  @Override
  public AuthFailure authorize(String authorization, List<Scope> required, String selfBase) {
    String[] creds = Htpasswd.basicCredentials(authorization);
    if (creds != null && htpasswd.check(creds[0], creds[1])) {
      return null;
    }
    return new AuthFailure(OciErrorCode.UNAUTHORIZED, "authentication required",
        "Basic realm=\"" + realm.replace("\"", "") + "\"");
  }
}
