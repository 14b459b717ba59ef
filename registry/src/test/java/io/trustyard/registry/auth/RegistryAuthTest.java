package io.trustyard.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.registry.Registry;
import io.trustyard.registry.config.RegistryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htpasswd basic auth and Docker token auth with the built-in token endpoint. */
class RegistryAuthTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path dir;

  HttpResponse<String> get(Registry r, String path, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + path));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(Registry r, String path, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + path))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Path htpasswd() throws Exception {
    Path file = dir.resolve("htpasswd");
    Files.writeString(file, Htpasswd.entry("alice", "s3cret".toCharArray(), new byte[16]) + "\n");
    return file;
  }

  RegistryConfig config(RegistryConfig.Auth auth) {
    return RegistryConfig.defaults().withHost("127.0.0.1").withPort(0).withFilesystemRoot(dir.resolve("data"))
        .withAuth(auth);
  }

  @Test
  void htpasswdBasicAuth() throws Exception {
    RegistryConfig.Auth auth = new RegistryConfig.Auth("htpasswd", "my realm", null, null, htpasswd().toString(),
        null, null, null, null);
    try (Registry r = Registry.start(config(auth))) {
      HttpResponse<String> ping = get(r, "/v2/", null);
      assertThat(ping.statusCode()).isEqualTo(401);
      assertThat(ping.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"my realm\"");
      assertThat(JSON.readTree(ping.body()).path("errors").path(0).path("code").asText()).isEqualTo("UNAUTHORIZED");
      assertThat(get(r, "/v2/", basic("alice", "wrong")).statusCode()).isEqualTo(401);
      assertThat(get(r, "/v2/", basic("bob", "s3cret")).statusCode()).isEqualTo(401);
      assertThat(get(r, "/v2/", basic("alice", "s3cret")).statusCode()).isEqualTo(200);
      assertThat(post(r, "/v2/app/blobs/uploads/", basic("alice", "s3cret")).statusCode()).isEqualTo(202);
      assertThat(post(r, "/v2/app/blobs/uploads/", null).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void tokenAuthWithBuiltInEndpointAndScopes() throws Exception {
    RegistryConfig.Auth auth = new RegistryConfig.Auth("token", null, "registry.test", "issuer.test",
        htpasswd().toString(), null, null, List.of("pull"), 300);
    try (Registry r = Registry.start(config(auth))) {
      HttpResponse<String> ping = get(r, "/v2/", null);
      assertThat(ping.statusCode()).isEqualTo(401);
      String challenge = ping.headers().firstValue("WWW-Authenticate").orElseThrow();
      assertThat(challenge).isEqualTo("Bearer realm=\"http://127.0.0.1:" + r.port() + "/token\",service=\"registry.test\"");

      HttpResponse<String> push = post(r, "/v2/team/app/blobs/uploads/", null);
      assertThat(push.statusCode()).isEqualTo(401);
      assertThat(push.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("scope=\"repository:team/app:pull,push\"");

      // anonymous: pull only
      JsonNode anon = JSON.readTree(get(r, "/token?service=registry.test&scope=repository:team/app:pull,push", null)
          .body());
      assertThat(anon.path("expires_in").asInt()).isGreaterThanOrEqualTo(60);
      String anonToken = anon.path("token").asText();
      assertThat(anon.path("access_token").asText()).isEqualTo(anonToken);
      assertThat(get(r, "/v2/team/app/tags/list", "Bearer " + anonToken).statusCode()).isEqualTo(404);
      HttpResponse<String> denied = post(r, "/v2/team/app/blobs/uploads/", "Bearer " + anonToken);
      assertThat(denied.statusCode()).isEqualTo(401);
      assertThat(denied.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"");

      // alice: push, but the token is for one repository only
      String token = JSON.readTree(get(r, "/token?service=registry.test&scope=repository:team/app:pull,push",
          basic("alice", "s3cret")).body()).path("token").asText();
      assertThat(post(r, "/v2/team/app/blobs/uploads/", "Bearer " + token).statusCode()).isEqualTo(202);
      assertThat(post(r, "/v2/team/other/blobs/uploads/", "Bearer " + token).statusCode()).isEqualTo(401);
      assertThat(get(r, "/v2/", "Bearer " + token).statusCode()).isEqualTo(200);

      // wrong password, forged or altered token
      assertThat(get(r, "/token?service=registry.test&scope=repository:team/app:pull", basic("alice", "x"))
          .statusCode()).isEqualTo(401);
      String[] parts = token.split("\\.");
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
          .replace("team/app", "team/zzz");
      String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
          payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
      HttpResponse<String> bad = post(r, "/v2/team/zzz/blobs/uploads/", "Bearer " + altered);
      assertThat(bad.statusCode()).isEqualTo(401);
      assertThat(bad.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
      String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
          + parts[1] + ".";
      assertThat(get(r, "/v2/", "Bearer " + none).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void scopeParsingKeepsPortsInNames() {
    Scope s = Scope.parse("repository:localhost:5000/app:pull,push");
    assertThat(s.type()).isEqualTo("repository");
    assertThat(s.name()).isEqualTo("localhost:5000/app");
    assertThat(s.actions()).containsExactlyInAnyOrder("pull", "push");
    assertThat(Scope.parse("repository(plugin):x:pull").type()).isEqualTo("repository");
  }
}
