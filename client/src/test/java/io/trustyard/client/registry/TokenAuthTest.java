package io.trustyard.client.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.auth.Credentials;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.MediaTypes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's token flow against a small fake registry: the challenge comes from the /v2/ ping, the
 * token is asked for with the scope of the operation, and redirects to storage carry no credentials.
 */
class TokenAuthTest {

  @TempDir Path dir;
  private HttpServer server;
  private HttpServer storage;
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> storageAuthorization = new CopyOnWriteArrayList<>();
  private final byte[] manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
      .getBytes(StandardCharsets.UTF_8);
  private final byte[] blob = "layer bytes".getBytes(StandardCharsets.UTF_8);

  @BeforeEach
  void start() throws IOException {
    storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    storage.createContext("/", ex -> {
      storageAuthorization.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      send(ex, 200, blob, "application/octet-stream");
    });
    storage.start();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    int port = server.getAddress().getPort();
    server.createContext("/token", ex -> {
      String query = URLDecoder.decode(String.valueOf(ex.getRequestURI().getRawQuery()), StandardCharsets.UTF_8);
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
      tokenRequests.add(ex.getRequestMethod() + " " + query + " " + URLDecoder.decode(body, StandardCharsets.UTF_8)
          + " auth=" + auth);
      if (auth.startsWith("Basic ") && !auth.equals("Basic " + b64("alice:pw"))) {
        send(ex, 401, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        return;
      }
      String all = query + "&" + URLDecoder.decode(body, StandardCharsets.UTF_8);
      int at = all.indexOf("scope=");
      String scope = at < 0 ? "" : all.substring(at + 6).split("&")[0];
      send(ex, 200, ("{\"token\":\"tok " + scope + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8),
          "application/json");
    });
    server.createContext("/v2/", ex -> {
      String path = ex.getRequestURI().getPath();
      String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
      if (!auth.startsWith("Bearer tok repository:team/app:pull")) {
        ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:" + port
            + "/token\",service=\"fake\"");
        send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
            .getBytes(StandardCharsets.UTF_8), "application/json");
        return;
      }
      if (path.equals("/v2/team/app/manifests/1")) {
        ex.getResponseHeaders().add("Docker-Content-Digest", Digest.sha256(manifest).toString());
        send(ex, 200, manifest, MediaTypes.OCI_MANIFEST);
      } else if (path.startsWith("/v2/team/app/blobs/")) {
        ex.getResponseHeaders().add("Location", "http://localhost:" + storage.getAddress().getPort() + "/data");
        send(ex, 307, new byte[0], "text/plain");
      } else {
        send(ex, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"
            .getBytes(StandardCharsets.UTF_8), "application/json");
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    storage.stop(0);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, byte[] body, String type) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  private String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void anonymousPullGetsATokenForThePullScope() {
    RegistryClient client = new RegistryClient(RegistryClient.Options.defaults(CredentialStore.ANONYMOUS).withPlainHttp(Set.of(host())));
    RepositoryClient repo = client.repository(host(), "team/app", false);
    assertThat(repo.getManifest("1", null).bytes()).isEqualTo(manifest);
    assertThat(tokenRequests).singleElement().asString()
        .contains("service=fake").contains("scope=repository:team/app:pull").contains("auth=null");
  }

  @Test
  void credentialsGoToTheTokenServiceAndPushAsksForPushToo() {
    CredentialStore creds = h -> Optional.of(Credentials.basic("alice", "pw"));
    RepositoryClient repo = new RegistryClient(RegistryClient.Options.defaults(creds).withPlainHttp(Set.of(host())))
        .repository(host(), "team/app", true);
    assertThat(repo.getManifest("1", Digest.sha256(manifest)).digest()).isEqualTo(Digest.sha256(manifest));
    assertThat(tokenRequests).singleElement().asString()
        .contains("scope=repository:team/app:pull,push").contains("account=alice")
        .contains("auth=Basic " + b64("alice:pw"));
  }

  @Test
  void anIdentityTokenIsTradedWithTheOAuthRefreshGrant() {
    CredentialStore creds = h -> Optional.of(new Credentials("", "", "refresh-123"));
    RepositoryClient repo = new RegistryClient(RegistryClient.Options.defaults(creds).withPlainHttp(Set.of(host())))
        .repository(host(), "team/app", false);
    repo.getManifest("1", null);
    assertThat(tokenRequests).singleElement().asString().startsWith("POST")
        .contains("grant_type=refresh_token").contains("refresh_token=refresh-123").contains("client_id=trustyard");
  }

  @Test
  void rejectedCredentialsSayHowToLogIn() {
    CredentialStore creds = h -> Optional.of(Credentials.basic("alice", "wrong"));
    RepositoryClient repo = new RegistryClient(RegistryClient.Options.defaults(creds).withPlainHttp(Set.of(host())))
        .repository(host(), "team/app", false);
    assertThatThrownBy(() -> repo.getManifest("1", null)).isInstanceOf(RegistryException.class)
        .hasMessageContaining("trustyard login " + host())
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAUTHORIZED));
  }

  @Test
  void aBlobRedirectedToStorageIsFetchedWithoutOurCredentialsAndVerified() throws IOException {
    CredentialStore creds = h -> Optional.of(Credentials.basic("alice", "pw"));
    RepositoryClient repo = new RegistryClient(RegistryClient.Options.defaults(creds).withPlainHttp(Set.of(host())))
        .repository(host(), "team/app", false);
    Path target = dir.resolve("blob");
    repo.fetchBlob(Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256(blob), blob.length), target, n -> { });
    assertThat(Files.readAllBytes(target)).isEqualTo(blob);
    assertThat(storageAuthorization).containsExactly("null");

    Path other = dir.resolve("other");
    Descriptor wrong = Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256("else".getBytes(StandardCharsets.UTF_8)),
        blob.length);
    assertThatThrownBy(() -> repo.fetchBlob(wrong, other, n -> { }))
        .hasMessageContaining("blob " + wrong.digest() + " failed verification");
    assertThat(other).doesNotExist();
    Descriptor shorter = Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256(blob), blob.length - 1);
    assertThatThrownBy(() -> repo.fetchBlob(shorter, other, n -> { }))
        .hasMessageContaining("more than the " + (blob.length - 1) + " bytes");
    assertThat(other).doesNotExist();
  }

  @Test
  void anUnknownManifestIsNamed() {
    RepositoryClient repo = new RegistryClient(RegistryClient.Options.defaults(CredentialStore.ANONYMOUS).withPlainHttp(Set.of(host())))
        .repository(host(), "team/app", false);
    assertThatThrownBy(() -> repo.getManifest("2", null)).isInstanceOf(RegistryException.class)
        .hasMessageContaining("manifest 2 not found in " + host() + "/team/app")
        .hasMessageContaining("MANIFEST_UNKNOWN");
  }
}
