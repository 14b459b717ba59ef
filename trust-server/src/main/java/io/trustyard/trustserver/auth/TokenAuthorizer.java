package io.trustyard.trustserver.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.trustyard.core.crypto.LibtrustKeyId;
import io.trustyard.core.json.Json;
import io.trustyard.trustserver.config.ConfigException;
import io.trustyard.trustserver.config.TlsFiles;
import io.trustyard.trustserver.config.TrustServerConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Docker registry token authentication, as distribution's token access controller checks it:
 * a JWT signed by a key whose certificate chains to the configured root bundle (via {@code x5c})
 * or is named by its libtrust key ID ({@code kid}), issued by {@code issuer} for {@code service},
 * within its validity (60 s leeway), granting every access item the route needs.
 */
public final class TokenAuthorizer implements Authorizer {
  static final Duration LEEWAY = Duration.ofSeconds(60);
  private static final int MAX_TOKEN_BYTES = 64 * 1024;

  private final String realm;
  private final String service;
  private final String issuer;
  private final boolean autoRedirect;
  private final List<X509Certificate> roots;
  private final Map<String, PublicKey> rootKeysById = new LinkedHashMap<>();
  private final Clock clock;

  public TokenAuthorizer(String realm, String service, String issuer, List<X509Certificate> roots, boolean autoRedirect, Clock clock) {
    if (roots.isEmpty()) {
      throw new ConfigException("the token auth root certificate bundle holds no certificate");
    }
    this.realm = realm;
    this.service = service;
    this.issuer = issuer;
    this.roots = List.copyOf(roots);
    this.autoRedirect = autoRedirect;
    this.clock = clock;
    for (X509Certificate c : roots) {
      rootKeysById.put(LibtrustKeyId.of(c.getPublicKey()), c.getPublicKey());
    }
  }

  public static TokenAuthorizer fromConfig(TrustServerConfig.TokenAuthConfig c) {
    try {
      return new TokenAuthorizer(c.realm(), c.service(), c.issuer(), TlsFiles.certificates(c.rootCertBundle()),
          c.autoRedirect(), Clock.systemUTC());
    } catch (IOException e) {
      throw new ConfigException("auth.options.rootcertbundle: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Denial> authorize(String authorization, List<Access> required, String host) {
    if (authorization == null || authorization.isBlank()) {
      return Optional.of(denial(required, null, host));
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) {
      return Optional.of(denial(required, null, host));
    }
    Set<String> granted;
    try {
      granted = verify(parts[1].trim());
    } catch (InvalidToken e) {
      return Optional.of(denial(required, "invalid_token", host));
    }
    for (Access a : required) {
      if (!granted.contains(a.type() + ":" + a.name() + ":" + a.action())
          && !granted.contains(a.type() + ":" + a.name() + ":*")) {
        return Optional.of(denial(required, "insufficient_scope", host));
      }
    }
    return Optional.empty();
  }

  /** The access items ({@code type:name:action}) a valid token grants. */
  Set<String> verify(String token) throws InvalidToken {
    if (token.length() > MAX_TOKEN_BYTES) {
      throw new InvalidToken("token too large");
    }
    String[] jws = token.split("\\.", -1);
    if (jws.length != 3) {
      throw new InvalidToken("not a compact JWS");
    }
    JsonNode header = json(jws[0]);
    JsonNode claims = json(jws[1]);
    byte[] signature = b64url(jws[2]);
    String alg = header.path("alg").asText("");
    PublicKey key = signingKey(header);
    if (!JwsAlgorithms.verify(alg, key, (jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII), signature)) {
      throw new InvalidToken("bad signature");
    }
    if (!issuer.equals(claims.path("iss").asText(null))) {
      throw new InvalidToken("wrong issuer");
    }
    JsonNode aud = claims.get("aud");
    boolean audienceOk = aud != null && (aud.isTextual() ? aud.asText().equals(service) : containsText(aud, service));
    if (!audienceOk) {
      throw new InvalidToken("wrong audience");
    }
    Instant now = clock.instant();
    if (!claims.path("exp").isNumber() || Instant.ofEpochSecond(claims.get("exp").asLong()).plus(LEEWAY).isBefore(now)) {
      throw new InvalidToken("expired");
    }
    if (claims.has("nbf") && (!claims.get("nbf").isNumber()
        || Instant.ofEpochSecond(claims.get("nbf").asLong()).minus(LEEWAY).isAfter(now))) {
      throw new InvalidToken("not yet valid");
    }
    Set<String> granted = new HashSet<>();
    JsonNode access = claims.get("access");
    if (access != null && access.isArray()) {
      for (JsonNode item : access) {
        for (JsonNode action : item.path("actions")) {
          granted.add(item.path("type").asText() + ":" + item.path("name").asText() + ":" + action.asText());
        }
      }
    }
    return granted;
  }

  private PublicKey signingKey(JsonNode header) throws InvalidToken {
    JsonNode x5c = header.get("x5c");
    if (x5c != null && x5c.isArray() && !x5c.isEmpty()) {
      try {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (JsonNode c : x5c) {
          chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(c.asText()))));
        }
        if (roots.contains(chain.get(0))) {
          return chain.get(0).getPublicKey();
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        roots.forEach(r -> anchors.add(new TrustAnchor(r, null)));
        PKIXParameters params = new PKIXParameters(anchors);
        params.setRevocationEnabled(false);
        params.setDate(java.util.Date.from(clock.instant()));
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(chain), params);
        return chain.get(0).getPublicKey();
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new InvalidToken("x5c chain does not verify: " + e.getMessage());
      }
    }
    String kid = header.path("kid").asText("");
    PublicKey key = rootKeysById.get(kid);
    if (key == null) {
      throw new InvalidToken("token signed by an unknown key");
    }
    return key;
  }

  private Denial denial(List<Access> required, String error, String host) {
    Map<String, List<String>> byResource = new LinkedHashMap<>();
    ArrayNode detail = Json.nodes().arrayNode();
    for (Access a : required) {
      byResource.computeIfAbsent(a.type() + ":" + a.name(), k -> new ArrayList<>()).add(a.action());
      detail.addObject().put("Type", a.type()).put("Class", "").put("Name", a.name()).put("Action", a.action());
    }
    List<String> scopes = new ArrayList<>();
    byResource.forEach((resource, actions) -> scopes.add(resource + ":" + String.join(",", actions)));
    String effectiveRealm = autoRedirect ? "https://" + host + "/auth/token" : realm;
    StringBuilder challenge = new StringBuilder("Bearer realm=").append(quote(effectiveRealm))
        .append(",service=").append(quote(service))
        .append(",scope=").append(quote(String.join(" ", scopes)));
    if (error != null) {
      challenge.append(",error=").append(quote(error));
    }
    return new Denial(challenge.toString(), detail);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static boolean containsText(JsonNode array, String value) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode n : array) {
      if (value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode json(String part) throws InvalidToken {
    try {
      JsonNode n = Json.parse(b64url(part), MAX_TOKEN_BYTES);
      if (!n.isObject()) {
        throw new InvalidToken("JWT part is not an object");
      }
      return n;
    } catch (RuntimeException e) {
      throw new InvalidToken("JWT part is not JSON");
    }
  }

  private static byte[] b64url(String s) throws InvalidToken {
    try {
      return Base64.getUrlDecoder().decode(s.endsWith("=") ? s.replaceAll("=+$", "") : s);
    } catch (IllegalArgumentException e) {
      throw new InvalidToken("bad base64url");
    }
  }

  /** Why a token was refused; never shown to the client beyond {@code invalid_token}. */
  static final class InvalidToken extends Exception {
    InvalidToken(String message) {
      super(message, null, false, false);
    }
  }
}
