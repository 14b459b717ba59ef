package io.trustyard.client.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.client.auth.Credentials;
import io.trustyard.client.registry.RegistryException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Docker's token flow: trades credentials (or nothing) for a bearer token at the realm. */
final class TokenService {

  private static final int MAX_TOKEN_RESPONSE = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT_ID = "trustyard";

  private final HttpClient http;
  private final String host;

  TokenService(HttpClient http, String host) {
    this.http = http;
    this.host = host;
  }

  String fetch(Challenge challenge, Set<String> scopes, Credentials credentials) {
    String realm = challenge.param("realm");
    if (realm == null || realm.isBlank()) {
      throw new RegistryException(Kind.SERVER, "registry " + host
          + " asked for a bearer token but named no realm to get it from");
    }
    URI realmUri;
    try {
      realmUri = URI.create(realm);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(Kind.SERVER, "registry " + host + " named an invalid token realm: " + realm);
    }
    if (!"https".equals(realmUri.getScheme()) && !"http".equals(realmUri.getScheme())) {
      throw new RegistryException(Kind.SERVER, "registry " + host + " named a token realm that is not an"
          + " http(s) URL: " + realm);
    }
    String service = challenge.param("service");
    HttpRequest request;
    if (credentials != null && credentials.hasIdentityToken()) {
      List<String> form = new ArrayList<>();
      form.add("grant_type=refresh_token");
      form.add("refresh_token=" + encode(credentials.identityToken()));
      form.add("client_id=" + CLIENT_ID);
      if (service != null) {
        form.add("service=" + encode(service));
      }
      form.add("scope=" + encode(String.join(" ", scopes)));
      request = HttpRequest.newBuilder(realmUri).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))).build();
    } else {
      List<String> query = new ArrayList<>();
      if (service != null) {
        query.add("service=" + encode(service));
      }
      scopes.forEach(s -> query.add("scope=" + encode(s)));
      if (credentials != null && !credentials.username().isEmpty()) {
        query.add("account=" + encode(credentials.username()));
      }
      String sep = realm.contains("?") ? "&" : "?";
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(realm + (query.isEmpty() ? "" : sep
          + String.join("&", query)))).timeout(Duration.ofSeconds(30)).GET();
      if (credentials != null && !credentials.username().isEmpty()) {
        b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)));
      }
      request = b.build();
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw RegistryErrors.io(realmUri.getAuthority() + " (token service of " + host + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(Kind.UNREACHABLE, "interrupted while getting a token for " + host);
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_TOKEN_RESPONSE);
    } catch (IOException e) {
      throw RegistryErrors.io(realmUri.getAuthority(), e);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new RegistryException(Kind.UNAUTHORIZED, credentials == null
          ? "registry " + host + " requires authentication; log in with: trustyard login " + host
          : "the token service of " + host + " rejected the stored credentials; log in again with:"
              + " trustyard login " + host, status, List.of(), null);
    }
    if (status != 200) {
      throw new RegistryException(Kind.SERVER, "the token service of " + host + " (" + realm
          + ") failed with HTTP " + status, status, List.of(), null);
    }
    try {
      JsonNode json = JSON.readTree(body);
      String token = json.path("access_token").asText("");
      if (token.isEmpty()) {
        token = json.path("token").asText("");
      }
      if (token.isEmpty()) {
        throw new RegistryException(Kind.SERVER, "the token service of " + host + " answered without a token");
      }
      return token;
    } catch (IOException e) {
      throw new RegistryException(Kind.SERVER, "the token service of " + host + " answered invalid JSON");
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
