package io.trustyard.trustserver.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.codec.MetadataReader;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.trustserver.service.NotaryTrustService;
import io.trustyard.trustserver.storage.InMemoryMetadataStore;
import io.trustyard.trustserver.storage.Sha256;
import io.trustyard.trustserver.testing.Multipart;
import io.trustyard.trustserver.testing.TestRepo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** notary-server's HTTP API as the wire shows it: routes, statuses, headers, error envelopes, and bad input. */
class HttpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long UPLOAD_LIMIT = 256 * 1024;

  private TrustHttpServer server;
  private String base;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() {
    NotaryTrustService service = new NotaryTrustService(new InMemoryMetadataStore(Clock.systemUTC()),
        new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("test-passphrase"), "default", new SecureRandom(),
            Clock.systemUTC(), () -> {}),
        "ecdsa", Clock.systemUTC());
    server = TrustHttpServer.start(service, Authorizer.NONE,
        new HttpSettings("127.0.0.1", 0, Optional.empty(), CacheSettings.DEFAULT, List.of(), UPLOAD_LIMIT));
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> send(String method, String path, byte[] body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  private HttpResponse<byte[]> upload(String gun, Multipart parts) throws Exception {
    return send("POST", "/v2/" + gun + "/_trust/tuf/", parts.build(), Multipart.CONTENT_TYPE);
  }

  private static JsonNode error(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    assertThat(new String(r.body(), UTF_8)).endsWith("}\n");
    JsonNode errors = JSON.readTree(r.body()).get("errors");
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  private TufPublicKey timestampKey(String gun) throws Exception {
    HttpResponse<byte[]> r = get("/v2/" + gun + "/_trust/tuf/timestamp.key");
    assertThat(r.statusCode()).isEqualTo(200);
    String body = new String(r.body(), UTF_8);
    assertThat(body).matches("\\{\"keytype\":\"ecdsa\",\"keyval\":\\{\"public\":\"[A-Za-z0-9+/=]+\",\"private\":null}}");
    JsonNode key = JSON.readTree(body);
    return new TufPublicKey(key.get("keytype").asText(), Base64.getDecoder().decode(key.get("keyval").get("public").asText()));
  }

  /** A repository published with a client-held snapshot key: root v1, targets v1, snapshot v1. */
  private TestRepo publish(String gun) throws Exception {
    TestRepo repo = new TestRepo(gun, timestampKey(gun));
    byte[] root = repo.root(1);
    byte[] targets = repo.targets(1, Map.of("v1", FileMeta.of("hello".getBytes(UTF_8))));
    HttpResponse<byte[]> r = upload(gun, new Multipart().file("root", root).file("targets.json", targets)
        .file("snapshot", repo.snapshot(1, root, targets)));
    assertThat(r.statusCode()).as(new String(r.body(), UTF_8)).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValue("Content-Type")).isEmpty();
    return repo;
  }

  /** What a rejected request must not have changed. */
  private record State(byte[] timestamp, byte[] changefeed) {}

  private State state(String gun) throws Exception {
    return new State(get("/v2/" + gun + "/_trust/tuf/timestamp.json").body(), get("/v2/_trust/changefeed?records=100").body());
  }

  @Test
  void pingHealthMetricsAndFallThrough() throws Exception {
    HttpResponse<byte[]> ping = get("/v2/");
    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(new String(ping.body(), UTF_8)).isEqualTo("{}");
    assertThat(ping.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");

    HttpResponse<byte[]> health = get("/_notary_server/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(new String(health.body(), UTF_8)).isEqualTo("{}");

    HttpResponse<byte[]> unknown = get("/v2/some/gun/_trust/tuf/bogus.json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown).get("code").asText()).isEqualTo("METADATA_NOT_FOUND");
    assertThat(send("PUT", "/v2/g/_trust/tuf/root.json", new byte[0], null).statusCode()).isEqualTo(404);
    assertThat(send("HEAD", "/v2/g/_trust/tuf/root.json", null, null).statusCode()).isEqualTo(404);
    assertThat(send("PATCH", "/v2/", new byte[0], null).statusCode()).isEqualTo(404);

    assertThat(new String(get("/metrics").body(), UTF_8)).contains("notary_server_http_requests").contains("operation=\"Main\"");
  }

  @Test
  void servesPublishedMetadataByRoleVersionAndChecksumWithNotaryHeaders() throws Exception {
    String gun = "example.com/http/app";
    assertThat(get("/v2/" + gun + "/_trust/tuf/root.json").statusCode()).isEqualTo(404);
    TestRepo repo = publish(gun);

    HttpResponse<byte[]> root = get("/v2/" + gun + "/_trust/tuf/root.json");
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(root.headers().firstValue("Cache-Control")).contains("public, max-age=300, s-maxage=300, must-revalidate");
    assertThat(root.headers().firstValue("Last-Modified").orElseThrow())
        .matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} UTC");
    assertThat(root.headers().firstValue("ETag")).isEmpty();
    byte[] rootBytes = root.body();
    assertThat(MetadataReader.root(rootBytes, 1 << 20).signed().version()).isEqualTo(1);

    for (String path : List.of("1.root.json", "01.root.json", "root." + Sha256.hex(rootBytes) + ".json")) {
      HttpResponse<byte[]> r = get("/v2/" + gun + "/_trust/tuf/" + path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).isEqualTo(rootBytes);
      assertThat(r.headers().firstValue("Cache-Control")).contains("public, max-age=2592000, s-maxage=2592000");
    }
    for (String path : List.of("0.root.json", "2.root.json", "root." + Sha256.hex(rootBytes).toUpperCase() + ".json",
        "root." + "ab".repeat(48) + ".json", "root." + "ab".repeat(64) + ".json")) {
      HttpResponse<byte[]> r = get("/v2/" + gun + "/_trust/tuf/" + path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      JsonNode e = error(r);
      assertThat(e.get("code").asText()).isEqualTo("METADATA_NOT_FOUND");
      assertThat(e.get("detail").toString()).isEqualTo("{}");
    }

    // The server made the timestamp over the client's snapshot, signed with the key it handed out.
    byte[] snapshot = get("/v2/" + gun + "/_trust/tuf/snapshot.json").body();
    var ts = MetadataReader.timestamp(get("/v2/" + gun + "/_trust/tuf/timestamp.json").body(), 1 << 20);
    assertThat(ts.signed().snapshot().orElseThrow().matches(snapshot)).isTrue();
    assertThat(ts.metadata().signatures().get(0).keyId()).isEqualTo(repo.timestampKey.id());
    // Once a root lists it, the key endpoint returns that key instead of creating one.
    assertThat(timestampKey(gun)).isEqualTo(repo.timestampKey);

    // A role the snapshot does not list is a server error in notary's SQL semantics.
    HttpResponse<byte[]> missing = get("/v2/" + gun + "/_trust/tuf/targets/releases.json");
    assertThat(missing.statusCode()).isEqualTo(500);
    assertThat(error(missing).get("code").asText()).isEqualTo("UNKNOWN");
  }

  @Test
  void badUploadsGetTheirErrorCodeAndChangeNothing() throws Exception {
    String gun = "example.com/http/bad";
    TestRepo repo = publish(gun);
    State before = state(gun);
    byte[] root1 = get("/v2/" + gun + "/_trust/tuf/root.json").body();
    byte[] goodTargets2 = repo.targets(2, Map.of());
    byte[] staleTargets = repo.targets(1, Map.of("other", FileMeta.of(new byte[1])));

    record Case(String name, byte[] body, String contentType, int status, String code, String detail) {}
    byte[] oversized = new Multipart().file("targets", new byte[(int) UPLOAD_LIMIT + 10]).build();
    List<Case> cases = List.of(
        new Case("not multipart", "{}".getBytes(UTF_8), "application/json", 400, "MALFORMED_UPLOAD", null),
        new Case("no boundary end", ("--" + Multipart.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"targets\"\r\n\r\n{}")
            .getBytes(UTF_8), Multipart.CONTENT_TYPE, 400, "MALFORMED_UPLOAD", null),
        new Case("no filename", new Multipart().part("Content-Disposition: form-data; name=\"files\"\r\n", goodTargets2).build(),
            Multipart.CONTENT_TYPE, 400, "NO_FILENAME", null),
        new Case("unknown role", new Multipart().file("bogus", goodTargets2).build(), Multipart.CONTENT_TYPE, 400,
            "INVALID_ROLE", "\"bogus\""),
        new Case("unclean delegation", new Multipart().file("targets/../x", goodTargets2).build(), Multipart.CONTENT_TYPE, 400,
            "INVALID_ROLE", "\"targets/../x\""),
        new Case("malformed json", new Multipart().file("targets", "{\"signed\":".getBytes(UTF_8)).file("root", root1).build(),
            Multipart.CONTENT_TYPE, 400, "MALFORMED_JSON", null),
        new Case("wrong json types", new Multipart().file("targets", "{\"signed\":{\"version\":\"2\"}}".getBytes(UTF_8)).build(),
            Multipart.CONTENT_TYPE, 400, "MALFORMED_JSON", null),
        new Case("wrong signer", new Multipart().file("targets",
            repo.targets(2, Map.of(), repo.snapshotKey, TestRepo.in(Duration.ofDays(10)))).build(), Multipart.CONTENT_TYPE, 400,
            "INVALID_UPDATE", "{\"Name\":\"ErrBadTargets\",\"Error\":{\"Msg\":\"valid signatures did not meet threshold for targets\"}}"),
        new Case("expired targets", new Multipart().file("targets",
            repo.targets(2, Map.of(), repo.targetsKey, TestRepo.in(Duration.ofDays(-1)))).build(), Multipart.CONTENT_TYPE, 400,
            "INVALID_UPDATE", null),
        new Case("rollback", new Multipart().file("targets", staleTargets)
            .file("snapshot", repo.snapshot(2, root1, staleTargets)).build(), Multipart.CONTENT_TYPE, 400, "VERSION", "{}"),
        new Case("no snapshot, key not on server", new Multipart().file("targets", goodTargets2).build(),
            Multipart.CONTENT_TYPE, 400, "INVALID_UPDATE", "{\"Name\":\"ErrBadHierarchy\",\"Error\":{\"Missing\":\"snapshot\","
                + "\"Msg\":\"no snapshot was included in update and server does not hold current snapshot key for repository\"}}"),
        new Case("root skips a version", new Multipart().file("root", repo.root(3)).build(), Multipart.CONTENT_TYPE, 400,
            "INVALID_UPDATE", "{\"Name\":\"ErrBadRoot\",\"Error\":{\"Msg\":\"Root modifications must increment the version. Current 1, new 3\"}}"),
        new Case("snapshot not matching", new Multipart().file("targets", goodTargets2)
            .file("snapshot", repo.snapshot(2, root1, repo.targets(2, Map.of("x", FileMeta.of(new byte[2]))))).build(),
            Multipart.CONTENT_TYPE, 400, "INVALID_UPDATE", null),
        new Case("oversized", oversized, Multipart.CONTENT_TYPE, 400, "MALFORMED_UPLOAD", null));

    for (Case c : cases) {
      HttpResponse<byte[]> r = send("POST", "/v2/" + gun + "/_trust/tuf/", c.body, c.contentType);
      assertThat(r.statusCode()).as(c.name + ": " + new String(r.body(), UTF_8)).isEqualTo(c.status);
      JsonNode e = error(r);
      assertThat(e.get("code").asText()).as(c.name).isEqualTo(c.code);
      if (c.detail != null) {
        assertThat(e.get("detail").toString()).as(c.name).isEqualTo(c.detail);
      }
      State after = state(gun);
      assertThat(after.timestamp).as(c.name).isEqualTo(before.timestamp);
      assertThat(after.changefeed).as(c.name).isEqualTo(before.changefeed);
    }

    // After all that, a good update still goes through.
    byte[] snapshot2 = repo.snapshot(2, root1, goodTargets2);
    assertThat(upload(gun, new Multipart().file("targets", goodTargets2).file("snapshot", snapshot2)).statusCode()).isEqualTo(200);
    assertThat(get("/v2/" + gun + "/_trust/tuf/targets.json").body()).isEqualTo(goodTargets2);
  }

  @Test
  void newRepositoriesNeedAValidRootForTheirGun() throws Exception {
    String gun = "example.com/http/new";
    TestRepo repo = new TestRepo(gun, timestampKey(gun));
    byte[] targets = repo.targets(1, Map.of());
    JsonNode noRoot = error(upload(gun, new Multipart().file("targets", targets)));
    assertThat(noRoot.get("detail").toString())
        .isEqualTo("{\"Name\":\"ErrValidation\",\"Error\":{\"Msg\":\"no pre-existing root and no root provided in update.\"}}");

    TestRepo otherGun = new TestRepo(gun, "example.com/someone/else", repo.timestampKey);
    byte[] root = otherGun.root(1);
    HttpResponse<byte[]> r = upload(gun, new Multipart().file("root", root).file("targets", otherGun.targets(1, Map.of()))
        .file("snapshot", otherGun.snapshot(1, root, otherGun.targets(1, Map.of()))));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).get("detail").get("Name").asText()).isEqualTo("ErrBadRoot");

    String longGun = "example.com/" + "a".repeat(300);
    assertThat(error(upload(longGun, new Multipart().file("root", root))).get("code").asText()).isEqualTo("INVALID_GUN");
    assertThat(get("/v2/" + gun + "/_trust/tuf/root.json").statusCode()).isEqualTo(404);
    assertThat(new String(get("/v2/_trust/changefeed?records=10").body(), UTF_8)).isEqualTo("{\"count\":0,\"records\":null}");
  }

  @Test
  void serverManagedSnapshotKeyRotationChangefeedAndDelete() throws Exception {
    String gun = "example.com/http/managed";
    TestRepo repo = new TestRepo(gun, timestampKey(gun));
    HttpResponse<byte[]> snapshotKey = get("/v2/" + gun + "/_trust/tuf/snapshot.key");
    JsonNode k = JSON.readTree(snapshotKey.body());
    repo.snapshotRoleKey = new TufPublicKey("ecdsa", Base64.getDecoder().decode(k.get("keyval").get("public").asText()));
    byte[] root = repo.root(1);
    // No snapshot uploaded: the server signs one with the key the root gives it.
    assertThat(upload(gun, new Multipart().file("root", root).file("targets", repo.targets(1, Map.of()))).statusCode()).isEqualTo(200);
    var snapshot = MetadataReader.snapshot(get("/v2/" + gun + "/_trust/tuf/snapshot.json").body(), 1 << 20);
    assertThat(snapshot.metadata().signatures().get(0).keyId()).isEqualTo(repo.snapshotRoleKey.id());
    assertThat(snapshot.signed().meta().get("root").matches(root)).isTrue();

    byte[] targets2 = repo.targets(2, Map.of("t", FileMeta.of(new byte[3])));
    assertThat(upload(gun, new Multipart().file("targets", targets2)).statusCode()).isEqualTo(200);
    assertThat(MetadataReader.snapshot(get("/v2/" + gun + "/_trust/tuf/snapshot.json").body(), 1 << 20).signed().version()).isEqualTo(2);

    HttpResponse<byte[]> rotated = send("POST", "/v2/" + gun + "/_trust/tuf/timestamp.key", null, null);
    assertThat(rotated.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(rotated.body()).get("keyval").get("public").asText())
        .isNotEqualTo(Base64.getEncoder().encodeToString(repo.timestampKey.publicBytes()));

    HttpResponse<byte[]> missingRecords = get("/v2/" + gun + "/_trust/changefeed");
    assertThat(missingRecords.statusCode()).isEqualTo(400);
    JsonNode e = error(missingRecords);
    assertThat(e.get("code").asText()).isEqualTo("INVALID_PARAMETERS");
    assertThat(e.get("detail").asText()).isEqualTo("invalid records parameter: strconv.ParseInt: parsing \"\": invalid syntax");
    assertThat(error(get("/v2/" + gun + "/_trust/changefeed?records=1&change_id=x")).get("detail").toString()).isEqualTo("{}");

    JsonNode feed = JSON.readTree(get("/v2/" + gun + "/_trust/changefeed?records=10").body());
    assertThat(feed.get("count").asInt()).isEqualTo(2);
    JsonNode first = feed.get("records").get(0);
    assertThat(first.get("ID").isTextual()).isTrue();
    assertThat(first.get("GUN").asText()).isEqualTo(gun);
    assertThat(first.get("Version").asInt()).isEqualTo(1);
    assertThat(first.get("Category").asText()).isEqualTo("update");
    assertThat(first.get("SHA256").asText()).hasSize(64);
    JsonNode newest = JSON.readTree(get("/v2/" + gun + "/_trust/changefeed?records=-1").body());
    assertThat(newest.get("records").get(0).get("Version").asInt()).isEqualTo(2);

    HttpResponse<byte[]> deleted = send("DELETE", "/v2/" + gun + "/_trust/tuf/", null, null);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.body()).isEmpty();
    assertThat(get("/v2/" + gun + "/_trust/tuf/root.json").statusCode()).isEqualTo(404);
    assertThat(get("/v2/" + gun + "/_trust/tuf/timestamp.json").statusCode()).isEqualTo(404);
    JsonNode afterDelete = JSON.readTree(get("/v2/_trust/changefeed?records=10").body());
    JsonNode last = afterDelete.get("records").get(afterDelete.get("count").asInt() - 1);
    assertThat(last.get("Category").asText()).isEqualTo("deletion");
    assertThat(last.get("Version").asInt()).isZero();
    assertThat(HexFormat.of().parseHex(first.get("SHA256").asText())).hasSize(32);
  }

  @Test
  void gunPrefixesAreCheckedBeforeAuthentication() throws Exception {
    NotaryTrustService service = new NotaryTrustService(new InMemoryMetadataStore(Clock.systemUTC()),
        new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("p"), "default", new SecureRandom(), Clock.systemUTC(), () -> {}),
        "ecdsa", Clock.systemUTC());
    Authorizer denyAll = (authorization, required, host) ->
        Optional.of(new io.trustyard.trustserver.auth.Denial("Bearer realm=\"x\"", null));
    try (TrustHttpServer prefixed = TrustHttpServer.start(service, denyAll, new HttpSettings("127.0.0.1", 0, Optional.empty(),
        CacheSettings.DEFAULT, List.of("docker.io/", "example.com/"), UPLOAD_LIMIT))) {
      String url = "http://127.0.0.1:" + prefixed.port();
      HttpResponse<byte[]> post = client.send(HttpRequest.newBuilder(URI.create(url + "/v2/other.org/app/_trust/tuf/"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(new Multipart().build())).header("Content-Type", Multipart.CONTENT_TYPE)
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(post.statusCode()).isEqualTo(400);
      JsonNode e = error(post);
      assertThat(e.get("code").asText()).isEqualTo("INVALID_GUN");
      assertThat(e.get("detail").asText()).isEqualTo("Require GUNs with prefix: [docker.io/ example.com/]");
      HttpResponse<byte[]> get = client.send(HttpRequest.newBuilder(URI.create(url + "/v2/other.org/app/_trust/tuf/root.json"))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(get.statusCode()).isEqualTo(404);
      assertThat(error(get).has("detail")).isFalse();
      // Inside the prefixes, authentication applies.
      HttpResponse<byte[]> inside = client.send(HttpRequest.newBuilder(URI.create(url + "/v2/docker.io/app/_trust/tuf/root.json"))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(inside.statusCode()).isEqualTo(401);
      assertThat(inside.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"x\"");
    }
  }
}
