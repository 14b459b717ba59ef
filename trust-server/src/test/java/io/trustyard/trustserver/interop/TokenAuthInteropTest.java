package io.trustyard.trustserver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.trustserver.auth.TokenAuthorizer;
import io.trustyard.trustserver.auth.TokenIssuer;
import io.trustyard.trustserver.storage.InMemoryMetadataStore;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real notary CLI against our server with token auth: it follows the Bearer challenge to a
 * token server (a minimal one here, granting what it is asked for to the right password) and
 * publishes and lists with the tokens it gets.
 */
class TokenAuthInteropTest {
  @TempDir Path dir;

  @Test
  void notaryCliFetchesTokensFromTheRealmAndPublishes() throws Exception {
    TokenIssuer issuer = new TokenIssuer("trustyard-test-issuer", "notary.test");
    List<String> requestedScopes = new CopyOnWriteArrayList<>();
    HttpServer tokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tokens.createContext("/token", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      boolean alice = ("Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8))).equals(auth);
      List<TokenIssuer.Grant> grants = new ArrayList<>();
      for (String param : query == null ? new String[0] : query.split("&")) {
        if (param.startsWith("scope=")) {
          String scope = URLDecoder.decode(param.substring(6), StandardCharsets.UTF_8);
          requestedScopes.add(scope);
          String[] parts = scope.split(":");
          List<String> actions = List.of(parts[parts.length - 1].split(","));
          // Anonymous callers may only read.
          List<String> allowed = alice ? actions : actions.stream().filter(a -> a.equals("pull")).toList();
          grants.add(new TokenIssuer.Grant(parts[0], String.join(":", List.of(parts).subList(1, parts.length - 1)), allowed));
        }
      }
      byte[] body;
      try {
        body = ("{\"token\":\"" + issuer.token(grants, Duration.ofMinutes(5), false) + "\",\"expires_in\":300}")
            .getBytes(StandardCharsets.UTF_8);
      } catch (Exception e) {
        throw new java.io.IOException(e);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    tokens.start();
    String realm = "http://127.0.0.1:" + tokens.getAddress().getPort() + "/token";
    try (RunningServer server = new RunningServer(dir, new InMemoryMetadataStore(Clock.systemUTC()),
        new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("p"), "default", new SecureRandom(), Clock.systemUTC(), () -> {}),
        new TokenAuthorizer(realm, issuer.service, issuer.issuer, List.of(issuer.cert), false, Clock.systemUTC()))) {
      String gun = "example.com/token/app";
      Path payload = dir.resolve("payload.txt");
      Files.writeString(payload, "behind auth\n");
      String aliceAuth = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));

      notary(server, dir.resolve("alice"), aliceAuth, "init", gun).ok();
      notary(server, dir.resolve("alice"), aliceAuth, "add", gun, "v1", payload.toString(), "-p").ok();
      assertThat(requestedScopes).contains("repository:" + gun + ":push,pull");
      // Reading works anonymously; writing without the password is refused.
      assertThat(notary(server, dir.resolve("bob"), null, "list", gun).ok().output()).contains("v1");
      notary(server, dir.resolve("alice"), null, "add", gun, "v2", payload.toString()).ok();
      Peer.Result refused = notary(server, dir.resolve("alice"), null, "publish", gun);
      assertThat(refused.exitCode()).isNotZero();
      assertThat(notary(server, dir.resolve("bob"), null, "list", gun).ok().output()).doesNotContain("v2");
    } finally {
      tokens.stop(0);
    }
  }

  private Peer.Result notary(RunningServer server, Path trustDir, String auth, String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", server.url, "--tlscacert", server.pki.caCert.toString(),
        "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    Map<String, String> env = new java.util.HashMap<>(Map.of("NOTARY_ROOT_PASSPHRASE", "root-pass-1234",
        "NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234", "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234"));
    if (auth != null) {
      env.put("NOTARY_AUTH", auth);
    }
    return Peer.run(dir, env, null, cmd);
  }
}
