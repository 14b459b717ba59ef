package io.trustyard.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.Main;
import io.trustyard.client.store.ImageStore;
import io.trustyard.core.digest.Digest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sandbox's life: a taken port, a restart that keeps everything, and {@code down -v}. */
class SandboxLifecycleTest {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run trustyard(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aTakenPortIsOneClearLineNamingThePortAndItsFlag() throws Exception {
    int[] ports = TestPorts.free(4);
    Path data = dir.resolve("sandbox");
    for (int which = 0; which < 4; which++) {
      try (ServerSocket taken = new ServerSocket()) {
        taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), ports[which]));
        Run run = trustyard("sandbox", "--dir", data.toString(), "--registry-port", "" + ports[0],
            "--trust-server-port", "" + ports[1], "--signer-port", "" + ports[2], "--signer-http-port", "" + ports[3]);
        String flag = new String[] {"--registry-port", "--trust-server-port", "--signer-port", "--signer-http-port"}[which];
        String service = new String[] {"registry", "trust server", "signer", "signer's health and metrics"}[which];
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n")
            .contains("port " + ports[which] + " for the " + service + " is already in use").contains(flag);
        assertThat(data.resolve(SandboxState.FILE)).doesNotExist();
      }
    }
  }

  @Test
  void aRestartKeepsTheCaTheServerKeysTheRegistryAndTheImageStore() throws Exception {
    int[] ports = TestPorts.free(4);
    SandboxSettings settings = new SandboxSettings(dir.resolve("sandbox"), ports[0], ports[1], ports[2], ports[3]);
    HttpClient http;
    String caBefore;
    String timestampKeyBefore;
    Digest blob = Digest.sha256("kept across restarts\n".getBytes(StandardCharsets.UTF_8));
    try (Sandbox sandbox = Sandbox.start(settings, Map.of())) {
      caBefore = Files.readString(settings.dataDir().resolve("root-ca.crt"));
      http = HttpClient.newBuilder().sslContext(TrustedCa.sslContext(settings.dataDir().resolve("root-ca.crt"))).build();
      timestampKeyBefore = timestampKey(http, settings);
      uploadBlob(http, settings, blob, "kept across restarts\n");
      ImageStore store = ImageStore.open(settings.imageStore());
      assertThat(store.get(DemoImage.NAME)).isPresent();
      assertThat(store.remove(DemoImage.NAME)).isTrue();
    }
    try (Sandbox sandbox = Sandbox.start(settings, Map.of())) {
      assertThat(Files.readString(settings.dataDir().resolve("root-ca.crt"))).isEqualTo(caBefore);
      // Same CA file and the server still trusts it: the TLS handshake below uses the old CA.
      assertThat(timestampKey(http, settings)).isEqualTo(timestampKeyBefore);
      HttpResponse<Void> head = http.send(authorized(settings, "pull", URI.create(settings.registryUrl()
          + "/v2/test/kept/blobs/" + blob)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(head.statusCode()).isEqualTo(200);
      // What the person removed stays removed: the demo image is preloaded once, into a new sandbox.
      assertThat(ImageStore.open(settings.imageStore()).get(DemoImage.NAME)).isEmpty();
    }
  }

  @Test
  void everyHealthAndMetricsUrlItPrintsAnswers() throws Exception {
    int[] ports = TestPorts.free(4);
    SandboxSettings settings = new SandboxSettings(dir.resolve("sandbox"), ports[0], ports[1], ports[2], ports[3]);
    try (Sandbox sandbox = Sandbox.start(settings, Map.of())) {
      PrintedEndpoints.assertEachAnswers(SandboxReport.ready(settings, "one process", java.time.Duration.ZERO), settings);
    }
  }

  @Test
  void downDashVRemovesEverythingItMadeAndNothingElse() throws Exception {
    int[] ports = TestPorts.free(4);
    SandboxSettings settings = new SandboxSettings(dir.resolve("sandbox"), ports[0], ports[1], ports[2], ports[3]);
    try (Sandbox sandbox = Sandbox.start(settings, Map.of())) {
      assertThat(settings.dataDir().resolve("root-ca.crt")).isRegularFile();
      assertThat(settings.imageStore()).isDirectory();
    }
    Run down = trustyard("sandbox", "down", "-v", "--dir", settings.dataDir().toString());
    assertThat(down.exit()).as(down.err()).isZero();
    assertThat(down.out()).contains("The sandbox is not running").contains("Removed " + settings.dataDir());
    assertThat(settings.dataDir()).doesNotExist();
    assertThat(dir).isDirectory();

    Path notOurs = Files.createDirectories(dir.resolve("not-ours"));
    Files.writeString(notOurs.resolve("precious.txt"), "keep me");
    Run refused = trustyard("sandbox", "down", "-v", "--dir", notOurs.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("was not made by the sandbox");
    assertThat(notOurs.resolve("precious.txt")).hasContent("keep me");
  }

  /** The trust server's timestamp key for a repository: made by the signer on first request, kept in its database. */
  private static String timestampKey(HttpClient http, SandboxSettings s) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.trustServerUrl()
        + "/v2/localhost:5000/test/kept/_trust/tuf/timestamp.key")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static void uploadBlob(HttpClient http, SandboxSettings s, Digest digest, String content) throws Exception {
    HttpResponse<String> start = http.send(authorized(s, "push,pull", URI.create(s.registryUrl()
        + "/v2/test/kept/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
    String location = start.headers().firstValue("Location").orElseThrow();
    URI put = URI.create(s.registryUrl()).resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
    HttpResponse<String> done = http.send(authorized(s, "push,pull", put)
        .PUT(HttpRequest.BodyPublishers.ofString(content)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
  }

  /** A request carrying a token from the sandbox's token service (anonymous, as the sandbox allows). */
  private static HttpRequest.Builder authorized(SandboxSettings s, String actions, URI uri) throws Exception {
    HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.registryUrl()
        + "/token?service=" + Sandbox.REGISTRY_SERVICE + "&scope=repository:test/kept:" + actions)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
    assertThat(m.find()).isTrue();
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + m.group(1));
  }
}
