package io.trustyard.trustserver.auth;

import java.util.List;
import java.util.Optional;

/** Decides whether a request's credentials grant the access its route needs. */
public interface Authorizer {
  /** No authentication configured: everything is allowed, as notary-server without {@code auth}. */
  Authorizer NONE = (authorization, required, host) -> Optional.empty();

  /**
   * @param authorization the {@code Authorization} header, or null
   * @param required the access items of the route
   * @param host the request's {@code Host}, for auto-redirect realms
   * @return empty when granted, else the denial to send as 401
   */
  Optional<Denial> authorize(String authorization, List<Access> required, String host);
}
