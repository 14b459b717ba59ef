package io.trustyard.registry.auth;

import io.trustyard.registry.http.RegistryHttpServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in token endpoint ({@code GET /token?service=&scope=...}): authenticates Basic
 * credentials against htpasswd (anonymous clients get only the configured anonymous actions),
 * grants the requested actions it may (a partial grant is not an error) and answers a signed JWT.
 */
public final class TokenIssuer implements RegistryHttpServer.ExtraRoute {
  private static final Set<String> REPOSITORY_ACTIONS = Set.of("pull", "push", "delete", "*");
  private final String service;
  private final String issuer;
  private final PrivateKey key;
  private final String keyId;
  private final Htpasswd users;
  private final Set<String> anonymousActions;
  private final int seconds;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TokenIssuer(String service, String issuer, PrivateKey key, String keyId, Htpasswd users,
      Set<String> anonymousActions, int seconds, Clock clock) {
    this.service = service;
    this.issuer = issuer;
    this.key = key;
    this.keyId = keyId;
    this.users = users;
    this.anonymousActions = Set.copyOf(anonymousActions);
    this.seconds = Math.max(60, seconds);
    this.clock = clock;
  }

  @Override
  public String path() {
    return "/token";
  }

  @Override
  public RegistryHttpServer.Answer answer(Map<String, List<String>> query, String authorization) {
    String subject = "";
    boolean authenticated = false;
    if (authorization != null) {
      String[] creds = Htpasswd.basicCredentials(authorization);
      if (creds == null || users == null || !users.check(creds[0], creds[1])) {
        return error(401, "UNAUTHORIZED", "invalid username or password",
            Map.of("WWW-Authenticate", "Basic realm=\"" + issuer + "\""));
      }
      subject = creds[0];
      authenticated = true;
    }
    List<String> services = query.getOrDefault("service", List.of());
    if (!services.isEmpty() && !services.get(0).equals(service)) {
      return error(400, "DENIED", "this token service issues tokens for '" + service + "' only", Map.of());
    }
    List<Map<String, Object>> access = new ArrayList<>();
    for (String scopeParam : query.getOrDefault("scope", List.of())) {
      for (String one : scopeParam.trim().split(" +")) {
        if (one.isEmpty()) {
          continue;
        }
        Scope s;
        try {
          s = Scope.parse(one);
        } catch (IllegalArgumentException e) {
          return error(400, "DENIED", "invalid scope '" + one + "'", Map.of());
        }
        Set<String> grant = new LinkedHashSet<>();
        for (String a : s.actions()) {
          boolean known = s.type().equals("repository") ? REPOSITORY_ACTIONS.contains(a)
              : s.type().equals("registry") && s.name().equals("catalog") && a.equals("*");
          if (known && (authenticated || anonymousActions.contains(a))) {
            grant.add(a);
          }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", s.type());
        entry.put("name", s.name());
        entry.put("actions", List.copyOf(grant));
        access.add(entry);
      }
    }
    Instant now = clock.instant();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", Jwt.algorithmFor(key));
    header.put("typ", "JWT");
    header.put("kid", keyId);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("sub", subject);
    claims.put("aud", service);
    claims.put("exp", now.getEpochSecond() + seconds);
    claims.put("nbf", now.getEpochSecond() - 1);
    claims.put("iat", now.getEpochSecond());
    byte[] jti = new byte[16];
    random.nextBytes(jti);
    claims.put("jti", HexFormat.of().formatHex(jti));
    claims.put("access", access);
    String token;
    try {
      token = Jwt.sign(header, claims, key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", token);
    body.put("access_token", token);
    body.put("expires_in", seconds);
    body.put("issued_at", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    return json(200, body, Map.of());
  }

  private static RegistryHttpServer.Answer error(int status, String code, String message, Map<String, String> headers) {
    return json(status, Map.of("errors", List.of(Map.of("code", code, "message", message))), headers);
  }

  private static RegistryHttpServer.Answer json(int status, Object body, Map<String, String> headers) {
    try {
      return new RegistryHttpServer.Answer(status, "application/json", Jwt.JSON.writeValueAsString(body)
          .getBytes(StandardCharsets.UTF_8), headers);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
