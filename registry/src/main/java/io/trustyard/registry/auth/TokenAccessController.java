package io.trustyard.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustyard.core.oci.OciErrorCode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Docker token auth: requests carry {@code Bearer <JWT>} from the token service; the token's
 * signature, issuer, audience, time window and {@code access} claim decide. Anything else gets a
 * 401 with a Bearer challenge naming the realm, the service and the scope needed.
 */
public final class TokenAccessController implements AccessController {
  private static final long LEEWAY_SECONDS = 60;
  private final String realm;
  private final String service;
  private final String issuer;
  private final PublicKey key;
  private final Clock clock;

  /** {@code realm} may be null: the built-in endpoint {@code <selfBase>/token} is used. */
  public TokenAccessController(String realm, String service, String issuer, PublicKey key, Clock clock) {
    this.realm = realm;
    this.service = service;
    this.issuer = issuer;
    this.key = key;
    this.clock = clock;
  }

  @Override
  public AuthFailure authorize(String authorization, List<Scope> required, String selfBase) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return challenge(required, null, selfBase);
    }
    JsonNode claims;
    try {
      claims = Jwt.verify(authorization.substring(7).trim(), key).claims();
    } catch (GeneralSecurityException e) {
      return challenge(required, "invalid_token", selfBase);
    }
    long now = clock.instant().getEpochSecond();
    if (!issuer.equals(claims.path("iss").asText(null)) || !audienceMatches(claims.get("aud"))
        || !claims.path("exp").canConvertToLong() || claims.path("exp").asLong() + LEEWAY_SECONDS < now
        || (claims.has("nbf") && claims.path("nbf").asLong() - LEEWAY_SECONDS > now)) {
      return challenge(required, "invalid_token", selfBase);
    }
    for (Scope s : required) {
      if (!granted(claims.get("access"), s)) {
        return challenge(required, "insufficient_scope", selfBase);
      }
    }
    return null;
  }

  private boolean audienceMatches(JsonNode aud) {
    if (aud == null) {
      return false;
    }
    if (aud.isTextual()) {
      return aud.asText().equals(service);
    }
    if (aud.isArray()) {
      for (JsonNode a : aud) {
        if (a.asText().equals(service)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True if some access entry for the scope's resource grants all its actions ("*" grants all). */
  static boolean granted(JsonNode access, Scope scope) {
    if (access == null || !access.isArray()) {
      return scope.actions().isEmpty();
    }
    java.util.Set<String> have = new java.util.HashSet<>();
    for (JsonNode entry : access) {
      if (scope.type().equals(entry.path("type").asText()) && scope.name().equals(entry.path("name").asText())) {
        entry.path("actions").forEach(a -> have.add(a.asText()));
      }
    }
    return have.contains("*") || have.containsAll(scope.actions());
  }

  private AuthFailure challenge(List<Scope> required, String error, String selfBase) {
    String r = realm != null ? realm : (selfBase == null ? "" : selfBase) + "/token";
    StringBuilder c = new StringBuilder("Bearer realm=\"").append(r).append("\",service=\"").append(service)
        .append('"');
    if (!required.isEmpty()) {
      c.append(",scope=\"").append(required.stream().map(Scope::toString).collect(Collectors.joining(" ")))
          .append('"');
    }
    if (error != null) {
      c.append(",error=\"").append(error).append('"');
    }
    return new AuthFailure(OciErrorCode.UNAUTHORIZED, error == null ? "authentication required"
        : error.equals("insufficient_scope") ? "the token does not grant access to this resource"
        : "the token is not valid for this registry", c.toString());
  }
}
