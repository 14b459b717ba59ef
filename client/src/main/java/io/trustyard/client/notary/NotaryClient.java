package io.trustyard.client.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.client.auth.Credentials;
import io.trustyard.client.registry.Challenge;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * HTTP to a Notary server for one repository (GUN): metadata GETs with a size limit on every
 * download, the key endpoints, and the multipart publish (spec/notary.md §1). Authenticates as
 * docker does: on a 401 with a Bearer challenge it fetches a token for
 * {@code repository:<gun>:<actions>} (with the credentials, if any) and retries once.
 */
public final class NotaryClient {

  /** The token scope asked for: read, read-write, or admin (key rotation, delete). */
  public enum Access {
    PULL("pull"), PUSH("push,pull"), ADMIN("*");

    final String actions;

    Access(String actions) {
      this.actions = actions;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final int MAX_KEY_BODY = 64 * 1024;
  private static final int MAX_TOKEN_BODY = 1 << 20;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI server;
  private final HttpClient http;
  private final String gun;
  private final Access access;
  private final Optional<Credentials> credentials;
  private volatile String authorization;

  public NotaryClient(URI server, HttpClient http, String gun, Access access, Optional<Credentials> credentials) {
    String s = server.toString();
    this.server = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    if (!"https".equals(this.server.getScheme()) && !"http".equals(this.server.getScheme())) {
      throw new TrustException(Kind.INVALID, "the trust server URL must be https:// (got " + server + ")");
    }
    this.http = http;
    this.gun = gun;
    this.access = access;
    this.credentials = credentials;
  }

  /** An HTTP client for trust servers: HTTP/1.1, no redirects, the given TLS context (null: system CAs). */
  public static HttpClient httpClient(SSLContext ssl) {
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NEVER);
    if (ssl != null) {
      b.sslContext(ssl);
    }
    return b.build();
  }

  public String gun() {
    return gun;
  }

  public URI server() {
    return server;
  }

  /** {@code host[:port]} of the server, as docker names it in messages. */
  public String serverHost() {
    return server.getRawAuthority();
  }

  /** {@code GET <role>.json}, at most {@code limit} bytes. */
  public byte[] get(String role, long limit) {
    return download(role, role + ".json", limit);
  }

  /** {@code GET <role>.<sha256 hex>.json} (consistent download), at most {@code limit} bytes. */
  public byte[] getByChecksum(String role, String sha256Hex, long limit) {
    return download(role, role + "." + sha256Hex + ".json", limit);
  }

  /** {@code GET <version>.root.json}. */
  public byte[] getRootVersion(long version, long limit) {
    return download("root version " + version, version + ".root.json", limit);
  }

  /** The public key the server holds for {@code timestamp} or {@code snapshot} (made on first ask). */
  public TufPublicKey getKey(String role) {
    return parseKey(role, send("GET", tufPath(role + ".key"), null, null, MAX_KEY_BODY, role + " key"));
  }

  /** Asks the server to make a new {@code timestamp} or {@code snapshot} key. */
  public TufPublicKey rotateKey(String role) {
    return parseKey(role, send("POST", tufPath(role + ".key"), HttpRequest.BodyPublishers.noBody(), null,
        MAX_KEY_BODY, role + " key"));
  }

  /** Publishes metadata files (role name → bytes) in one multipart POST; only 200 is success. */
  public void publish(Map<String, byte[]> files) {
    byte[] boundaryBytes = new byte[30];
    new SecureRandom().nextBytes(boundaryBytes);
    String boundary = HexFormat.of().formatHex(boundaryBytes);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
          + e.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(e.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    send("POST", tufPath(""), HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
        "multipart/form-data; boundary=" + boundary, 0, "the update");
  }

  /** Deletes all of the repository's trust data on the server. */
  public void deleteRemote() {
    send("DELETE", tufPath(""), HttpRequest.BodyPublishers.noBody(), null, 0, "the repository");
  }

  private byte[] download(String role, String file, long limit) {
    return send("GET", tufPath(file), null, null, limit, role);
  }

  private String tufPath(String file) {
    return "/v2/" + gun + "/_trust/tuf/" + file;
  }

  private byte[] send(String method, String path, HttpRequest.BodyPublisher body, String contentType,
      long limit, String what) {
    URI uri = URI.create(server + path);
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      HttpResponse<InputStream> response = exchange(b.build());
      int status = response.statusCode();
      if (status == 401 && attempt == 0 && authenticate(response)) {
        drain(response);
        continue;
      }
      if (status == 200) {
        return readLimited(response, limit, what);
      }
      byte[] error = readQuietly(response);
      throw statusError(status, what, error);
    }
  }

  private TrustException statusError(int status, String what, byte[] body) {
    if (status == 404) {
      if (what.equals(RoleNames.ROOT)) {
        return new TrustException(Kind.REPOSITORY_NOT_FOUND, serverHost() + " does not have trust data for " + gun);
      }
      return new TrustException(Kind.METADATA_NOT_FOUND, what + " trust data unavailable on " + serverHost()
          + " for " + gun + ".  Has a notary repository been initialized?");
    }
    if (status == 401 || status == 403) {
      return new TrustException(Kind.UNAUTHORIZED, "you are not authorized to perform this operation on "
          + gun + ": the trust server " + serverHost() + " returned " + status
          + (credentials.isEmpty() ? " (no credentials were found; log in to the registry first)" : ""));
    }
    if (status == 400) {
      return new TrustException(Kind.REJECTED, "the trust server " + serverHost() + " rejected " + what
          + " for " + gun + ": " + errorMessage(body));
    }
    return new TrustException(Kind.SERVER, "unable to reach the trust server " + serverHost()
        + " at this time: HTTP " + status + " for " + what + " of " + gun);
  }

  static String errorMessage(byte[] body) {
    try {
      JsonNode first = JSON.readTree(body).path("errors").path(0);
      String message = first.path("message").asText("");
      JsonNode detail = first.path("detail");
      String msg = detail.path("Error").path("Msg").asText("");
      if (msg.isEmpty() && detail.isTextual()) {
        msg = detail.asText();
      }
      String code = first.path("code").asText("");
      String text = (code.isEmpty() ? "" : code + ": ") + message + (msg.isEmpty() ? "" : " (" + msg + ")");
      return text.isBlank() ? "trust server rejected operation." : text;
    } catch (IOException | RuntimeException e) {
      return "trust server rejected operation.";
    }
  }

  /** Handles a 401: returns true when it obtained an Authorization header worth retrying with. */
  private boolean authenticate(HttpResponse<InputStream> response) {
    List<Challenge> challenges = Challenge.parse(response.headers().allValues("WWW-Authenticate"));
    for (Challenge c : challenges) {
      if (c.isBearer()) {
        authorization = "Bearer " + fetchToken(c);
        return true;
      }
      if (c.isBasic() && credentials.isPresent()) {
        Credentials cr = credentials.get();
        authorization = "Basic " + Base64.getEncoder().encodeToString(
            (cr.username() + ":" + cr.password()).getBytes(StandardCharsets.UTF_8));
        return true;
      }
    }
    return false;
  }

  private String fetchToken(Challenge challenge) {
    String realm = challenge.param("realm");
    URI realmUri;
    try {
      realmUri = realm == null ? null : URI.create(realm);
    } catch (IllegalArgumentException e) {
      realmUri = null;
    }
    if (realmUri == null || !("https".equals(realmUri.getScheme()) || "http".equals(realmUri.getScheme()))) {
      throw new TrustException(Kind.SERVER, "the trust server " + serverHost()
          + " asked for a token but named no usable realm (" + realm + ")");
    }
    List<String> query = new ArrayList<>();
    String service = challenge.param("service");
    if (service != null) {
      query.add("service=" + enc(service));
    }
    query.add("scope=" + enc("repository:" + gun + ":" + access.actions));
    credentials.filter(c -> !c.username().isEmpty()).ifPresent(c -> query.add("account=" + enc(c.username())));
    String sep = realm.contains("?") ? "&" : "?";
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(realm + sep + String.join("&", query)))
        .timeout(TIMEOUT).GET();
    credentials.filter(c -> !c.username().isEmpty()).ifPresent(c -> b.header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
    HttpResponse<InputStream> response = exchange(b.build());
    byte[] body = readLimited(response, MAX_TOKEN_BODY, "token");
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new TrustException(Kind.UNAUTHORIZED, "the token service " + realmUri.getAuthority()
          + " refused access to " + gun + " on the trust server " + serverHost());
    }
    if (response.statusCode() != 200) {
      throw new TrustException(Kind.SERVER, "the token service " + realmUri.getAuthority()
          + " failed with HTTP " + response.statusCode());
    }
    try {
      JsonNode json = JSON.readTree(body);
      String token = json.path("token").asText("");
      if (token.isEmpty()) {
        token = json.path("access_token").asText("");
      }
      if (token.isEmpty()) {
        throw new TrustException(Kind.SERVER, "the token service " + realmUri.getAuthority() + " sent no token");
      }
      return token;
    } catch (IOException e) {
      throw new TrustException(Kind.SERVER, "the token service " + realmUri.getAuthority() + " sent invalid JSON");
    }
  }

  private HttpResponse<InputStream> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrustException(Kind.UNREACHABLE, "interrupted while talking to the trust server " + serverHost());
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private TrustException ioError(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return new TrustException(Kind.TLS, "TLS with the trust server " + server + " failed: " + t.getMessage()
            + " (does the client trust the server's CA? pass it with --tlscacert or put it in"
            + " $DOCKER_CONFIG/tls/" + serverHost() + "/ca.crt)", e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnresolvedAddressException
          || t instanceof HttpConnectTimeoutException || t instanceof java.net.UnknownHostException) {
        return new TrustException(Kind.UNREACHABLE, "could not reach the trust server " + server + ": "
            + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()), e);
      }
    }
    if (e instanceof HttpTimeoutException) {
      return new TrustException(Kind.UNREACHABLE, "the trust server " + server + " did not answer in time", e);
    }
    return new TrustException(Kind.UNREACHABLE, "could not talk to the trust server " + server + ": "
        + e.getMessage(), e);
  }

  private byte[] readLimited(HttpResponse<InputStream> response, long limit, String what) {
    if (limit <= 0) {
      drain(response);
      return new byte[0];
    }
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > limit) {
      drain(response);
      throw new TrustException(Kind.VERIFICATION, "the trust server " + serverHost() + " sent " + what
          + " metadata of " + declared + " bytes, more than the " + limit + "-byte limit");
    }
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > limit) {
        throw new TrustException(Kind.VERIFICATION, "the trust server " + serverHost() + " sent " + what
            + " metadata larger than the " + limit + "-byte limit");
      }
      return bytes;
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private static byte[] readQuietly(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static void drain(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.skip(MAX_ERROR_BODY);
    } catch (IOException e) {
      // the connection is dropped; nothing to recover
    }
  }

  private TufPublicKey parseKey(String role, byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      String type = json.path("keytype").asText("");
      String pub = json.path("keyval").path("public").asText("");
      if (type.isEmpty() || pub.isEmpty()) {
        throw new TrustException(Kind.SERVER, "the trust server sent a malformed " + role + " key");
      }
      return new TufPublicKey(type, Base64.getDecoder().decode(pub));
    } catch (IOException | IllegalArgumentException e) {
      throw new TrustException(Kind.SERVER, "the trust server sent a malformed " + role + " key");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
