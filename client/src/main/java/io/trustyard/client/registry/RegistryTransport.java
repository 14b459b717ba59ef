package io.trustyard.client.registry;

import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.auth.Credentials;
import io.trustyard.client.registry.RegistryException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP to one registry: finds the scheme (HTTPS, or plain HTTP for registries allowed to be
 * insecure), learns the auth scheme from the {@code /v2/} ping as docker does, and authorises each
 * request for the scopes it needs (basic credentials, or a bearer token from the realm).
 */
public final class RegistryTransport {

  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient http;
  private final String host;
  private final String apiHost;
  private final boolean allowHttp;
  private final boolean httpOnly;
  private final CredentialStore credentials;
  private final TokenService tokens;
  private final Map<String, String> tokenCache = new ConcurrentHashMap<>();
  private volatile URI base;
  private volatile Challenge challenge;

  RegistryTransport(HttpClient http, String host, boolean allowHttp, boolean httpOnly,
      CredentialStore credentials) {
    this.http = http;
    this.host = host;
    this.apiHost = host.equals("docker.io") ? "registry-1.docker.io" : host;
    this.allowHttp = allowHttp || httpOnly;
    this.httpOnly = httpOnly;
    this.credentials = credentials;
    this.tokens = new TokenService(http, host);
  }

  /** The registry host as written in image references, e.g. {@code localhost:5000}. */
  public String host() {
    return host;
  }

  /** Pings {@code /v2/}: checks the registry is there and speaks the protocol, and learns its auth. */
  public synchronized void ping() {
    if (base != null) {
      return;
    }
    URI https = URI.create("https://" + apiHost + "/v2/");
    HttpResponse<InputStream> response;
    try {
      if (httpOnly) {
        throw new RegistryException(Kind.TLS, "plain HTTP only");
      }
      // A registry that may fall back to HTTP gets a shorter HTTPS attempt: some plain servers
      // answer a TLS hello with silence rather than an error.
      response = pingAt(https, allowHttp ? Duration.ofSeconds(10) : Duration.ofSeconds(30));
    } catch (RegistryException e) {
      if (!allowHttp || e.kind() != Kind.TLS && e.kind() != Kind.UNREACHABLE) {
        throw e;
      }
      try {
        response = pingAt(URI.create("http://" + apiHost + "/v2/"), Duration.ofSeconds(30));
      } catch (RegistryException plain) {
        // A TLS server whose certificate we do not trust fails plain HTTP too; its TLS error is
        // the one a person can act on.
        if (e.kind() == Kind.TLS && !httpOnly) {
          e.addSuppressed(plain);
          throw e;
        }
        throw plain;
      }
    }
    int status = response.statusCode();
    byte[] body = readBounded(response);
    if (status == 401) {
      challenge = Challenge.parse(response.headers().allValues("WWW-Authenticate")).stream()
          .filter(c -> c.isBearer() || c.isBasic()).findFirst().orElse(null);
    } else if (status != 200) {
      throw RegistryErrors.status(host, "", "the API version check (/v2/)", status, body, false);
    }
    base = response.uri().resolve("/");
  }

  private HttpResponse<InputStream> pingAt(URI uri, Duration timeout) {
    try {
      return http.send(HttpRequest.newBuilder(uri).GET().timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw RegistryErrors.io(host, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(Kind.UNREACHABLE, "interrupted while contacting " + host);
    }
  }

  /** The base URL the registry answered on ({@code https://host/} or {@code http://host/}). */
  public URI base() {
    ping();
    return base;
  }

  /** Resolves a path or a (possibly relative) Location against the registry. */
  public URI resolve(String pathOrLocation) {
    return base().resolve(pathOrLocation);
  }

  /**
   * Sends a request authorised for {@code scopes} ({@code repository:name:pull,push}); follows
   * redirects of GET/HEAD without carrying credentials to another host. The response body must be
   * consumed or closed by the caller.
   */
  public HttpResponse<InputStream> send(HttpRequest.Builder request, Set<String> scopes) {
    ping();
    HttpRequest built = request.build();
    HttpResponse<InputStream> response = exchange(authorise(request, scopes, false).build());
    if (response.statusCode() == 401) {
      List<Challenge> offered = Challenge.parse(response.headers().allValues("WWW-Authenticate"));
      close(response);
      Optional<Challenge> next = offered.stream().filter(c -> c.isBearer() || c.isBasic()).findFirst();
      if (next.isPresent()) {
        challenge = next.get();
        Set<String> wanted = new TreeSet<>(scopes);
        String extra = next.get().param("scope");
        if (extra != null && !extra.isBlank()) {
          wanted.addAll(List.of(extra.trim().split(" +")));
        }
        response = exchange(authorise(copy(built), wanted, true).build());
      }
    }
    return followRedirects(built, response);
  }

  /**
   * Checks credentials as {@code docker login} does: against the ping's challenge (a basic-auth
   * request or a token without scope); a registry that asks for nothing accepts anyone.
   */
  public void verifyCredentials(Credentials given) {
    ping();
    Challenge c = challenge;
    if (c == null) {
      return;
    }
    if (c.isBearer()) {
      tokens.fetch(c, Set.of(), given);
      return;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v2/")).GET()
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((given.username() + ":" + given.password()).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<InputStream> response = exchange(request.build());
    byte[] body = readBounded(response);
    if (response.statusCode() != 200) {
      throw RegistryErrors.status(host, "", "the login", response.statusCode(), body, true);
    }
  }

  /** True if credentials were (or would be) sent to this registry. */
  public boolean hasCredentials() {
    return credentials.get(host).isPresent();
  }

  private HttpResponse<InputStream> followRedirects(HttpRequest original, HttpResponse<InputStream> first) {
    HttpResponse<InputStream> response = first;
    for (int i = 0; i < MAX_REDIRECTS; i++) {
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      boolean redirect = (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
          && location.isPresent() && (original.method().equals("GET") || original.method().equals("HEAD"));
      if (!redirect) {
        return response;
      }
      close(response);
      URI target = response.uri().resolve(location.get());
      HttpRequest.Builder next = HttpRequest.newBuilder(target).method(original.method(),
          HttpRequest.BodyPublishers.noBody());
      original.timeout().ifPresent(next::timeout);
      // Credentials stay with the registry: object storage behind a redirect gets none.
      boolean sameHost = target.getAuthority() != null && target.getAuthority().equals(base.getAuthority())
          && target.getScheme().equals(base.getScheme());
      original.headers().map().forEach((name, values) -> {
        if (sameHost || !name.equalsIgnoreCase("Authorization")) {
          values.forEach(v -> next.header(name, v));
        }
      });
      response = exchange(next.build());
    }
    throw new RegistryException(Kind.SERVER, "registry " + host + " redirected more than "
        + MAX_REDIRECTS + " times");
  }

  private HttpRequest.Builder authorise(HttpRequest.Builder request, Set<String> scopes, boolean refresh) {
    Challenge c = challenge;
    if (c == null) {
      return request;
    }
    Optional<Credentials> creds = credentials.get(host);
    if (c.isBasic()) {
      creds.filter(cr -> !cr.username().isEmpty()).ifPresent(cr -> request.setHeader("Authorization",
          "Basic " + Base64.getEncoder().encodeToString((cr.username() + ":" + cr.password())
              .getBytes(StandardCharsets.UTF_8))));
      return request;
    }
    String key = String.join(" ", new TreeSet<>(scopes));
    String token = refresh ? null : tokenCache.get(key);
    if (token == null) {
      token = tokens.fetch(c, scopes, creds.orElse(null));
      tokenCache.put(key, token);
    }
    request.setHeader("Authorization", "Bearer " + token);
    return request;
  }

  private static HttpRequest.Builder copy(HttpRequest built) {
    return HttpRequest.newBuilder(built, (name, value) -> !name.equalsIgnoreCase("Authorization"));
  }

  private HttpResponse<InputStream> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw RegistryErrors.io(host, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(Kind.UNREACHABLE, "interrupted while talking to " + host);
    }
  }

  /** Reads at most 64 KiB of an (error) body and closes it. */
  static byte[] readBounded(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // Nothing to do: the connection is dropped.
    }
  }
}
