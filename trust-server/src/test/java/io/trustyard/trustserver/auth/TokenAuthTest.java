package io.trustyard.trustserver.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.trustserver.http.CacheSettings;
import io.trustyard.trustserver.http.HttpSettings;
import io.trustyard.trustserver.http.TrustHttpServer;
import io.trustyard.trustserver.service.NotaryTrustService;
import io.trustyard.trustserver.storage.InMemoryMetadataStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Docker registry token auth on the trust server's routes, with the scopes notary-server requires. */
class TokenAuthTest {
  private static final String GUN = "example.com/auth/app";
  private static final String REALM = "https://auth.example.com/token";
  private TokenIssuer issuer;
  private TrustHttpServer server;
  private String base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    issuer = new TokenIssuer("test-issuer", "notary.example.com");
    NotaryTrustService service = new NotaryTrustService(new InMemoryMetadataStore(Clock.systemUTC()),
        new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("p"), "default", new SecureRandom(), Clock.systemUTC(), () -> {}),
        "ecdsa", Clock.systemUTC());
    TokenAuthorizer auth = new TokenAuthorizer(REALM, issuer.service, issuer.issuer, List.of(issuer.cert), false, Clock.systemUTC());
    server = TrustHttpServer.start(service, auth,
        new HttpSettings("127.0.0.1", 0, Optional.empty(), CacheSettings.DEFAULT, List.of(), HttpSettings.DEFAULT_MAX_UPLOAD_BYTES));
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> request(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private static TokenIssuer.Grant repo(String... actions) {
    return new TokenIssuer.Grant("repository", GUN, List.of(actions));
  }

  @Test
  void withoutATokenEveryRouteButHealthAndMetricsChallenges() throws Exception {
    HttpResponse<String> ping = request("GET", "/v2/", null);
    assertThat(ping.statusCode()).isEqualTo(401);
    assertThat(ping.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"" + REALM + "\",service=\"notary.example.com\",scope=\"registry:catalog:*\"");
    JsonNode error = new ObjectMapper().readTree(ping.body()).get("errors").get(0);
    assertThat(error.get("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(error.get("message").asText()).isEqualTo("authentication required");
    assertThat(error.get("detail").toString()).isEqualTo("[{\"Type\":\"registry\",\"Class\":\"\",\"Name\":\"catalog\",\"Action\":\"*\"}]");

    HttpResponse<String> post = request("POST", "/v2/" + GUN + "/_trust/tuf/", null);
    assertThat(post.statusCode()).isEqualTo(401);
    assertThat(post.headers().firstValue("WWW-Authenticate").orElseThrow())
        .endsWith("scope=\"repository:" + GUN + ":push,pull\"");
    assertThat(request("DELETE", "/v2/" + GUN + "/_trust/tuf/", null).headers().firstValue("WWW-Authenticate").orElseThrow())
        .endsWith("scope=\"repository:" + GUN + ":*\"");

    assertThat(request("GET", "/_notary_server/health", null).statusCode()).isEqualTo(200);
    assertThat(request("GET", "/metrics", null).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensGrantExactlyTheirScopes() throws Exception {
    for (boolean x5c : new boolean[] {false, true}) {
      String pull = issuer.token(List.of(repo("pull")), Duration.ofMinutes(5), x5c);
      // Authorized to read: the unknown repository's root is a 404, as clients need to decide to initialize.
      assertThat(request("GET", "/v2/" + GUN + "/_trust/tuf/root.json", pull).statusCode()).isEqualTo(404);
      HttpResponse<String> push = request("GET", "/v2/" + GUN + "/_trust/tuf/timestamp.key", pull);
      assertThat(push.statusCode()).isEqualTo(401);
      assertThat(push.headers().firstValue("WWW-Authenticate").orElseThrow()).endsWith(",error=\"insufficient_scope\"");

      String pushPull = issuer.token(List.of(repo("push", "pull")), Duration.ofMinutes(5), x5c);
      assertThat(request("GET", "/v2/" + GUN + "/_trust/tuf/timestamp.key", pushPull).statusCode()).isEqualTo(200);
      assertThat(request("DELETE", "/v2/" + GUN + "/_trust/tuf/", pushPull).statusCode()).isEqualTo(401);
      String admin = issuer.token(List.of(repo("*")), Duration.ofMinutes(5), x5c);
      assertThat(request("DELETE", "/v2/" + GUN + "/_trust/tuf/", admin).statusCode()).isEqualTo(200);
      // A grant on another repository is no grant on this one.
      String other = issuer.token(List.of(new TokenIssuer.Grant("repository", "example.com/other", List.of("*"))),
          Duration.ofMinutes(5), x5c);
      assertThat(request("GET", "/v2/" + GUN + "/_trust/tuf/root.json", other).statusCode()).isEqualTo(401);
      String catalog = issuer.token(List.of(new TokenIssuer.Grant("registry", "catalog", List.of("*"))), Duration.ofMinutes(5), x5c);
      assertThat(request("GET", "/v2/", catalog).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void forgedExpiredOrMisaddressedTokensAreInvalid() throws Exception {
    TokenIssuer stranger = new TokenIssuer("test-issuer", "notary.example.com");
    List<String> bad = List.of(
        stranger.token(List.of(repo("pull")), Duration.ofMinutes(5), false),
        stranger.token(List.of(repo("pull")), Duration.ofMinutes(5), true),
        issuer.token(List.of(repo("pull")), Duration.ofMinutes(-5), false),
        issuer.token(List.of(repo("pull")), Duration.ofMinutes(5), false, "someone-else", issuer.service),
        issuer.token(List.of(repo("pull")), Duration.ofMinutes(5), false, issuer.issuer, "another-service"),
        tamper(issuer.token(List.of(repo("pull")), Duration.ofMinutes(5), false)),
        "not-a-jwt",
        "a.b.c");
    for (String token : bad) {
      HttpResponse<String> r = request("GET", "/v2/" + GUN + "/_trust/tuf/root.json", token);
      assertThat(r.statusCode()).as(token).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).as(token).endsWith(",error=\"invalid_token\"");
    }
  }

  /** Swaps the claims for ones granting more, keeping the original signature. */
  private String tamper(String token) throws Exception {
    String[] parts = token.split("\\.");
    String richer = issuer.token(List.of(repo("*")), Duration.ofMinutes(5), false).split("\\.")[1];
    return parts[0] + "." + richer + "." + parts[2];
  }
}
