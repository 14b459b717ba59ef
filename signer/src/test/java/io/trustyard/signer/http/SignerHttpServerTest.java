package io.trustyard.signer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.signer.config.ListenAddress;
import io.trustyard.signer.config.LocalPki;
import io.trustyard.signer.config.SignerConfig;
import io.trustyard.signer.config.SignerRunner;
import io.trustyard.signer.grpc.ClientTls;
import io.trustyard.signer.grpc.RemoteKeyService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server.http_addr: the signer's health and Prometheus metrics, counting calls by method and status and keys by algorithm. */
class SignerHttpServerTest {

  @TempDir Path dir;

  @Test
  void healthAndMetricsCountCallsByMethodAndStatusAndKeysByAlgorithm() throws Exception {
    SignerConfig config = SignerConfig.defaults(dir).withGrpc(new ListenAddress("127.0.0.1", 0))
        .withHttp(new ListenAddress("127.0.0.1", 0));
    HttpClient http = HttpClient.newHttpClient();
    try (SignerRunner runner = SignerRunner.start(config, Map.of(), new SecureRandom(), Clock.systemUTC())) {
      String base = "http://127.0.0.1:" + runner.httpPort().orElseThrow();
      LocalPki pki = runner.pki().orElseThrow();
      try (RemoteKeyService client = RemoteKeyService.connect("localhost", runner.port(),
          ClientTls.mutual(pki.ca(), pki.clientCert(), pki.clientKey()), Duration.ofSeconds(20))) {
        client.createKey("ecdsa", "example.com/app", "timestamp");
        client.createKey("ecdsa", "example.com/other", "timestamp");
        client.createKey("ed25519", "example.com/app", "snapshot");
        assertThat(client.getKey("0".repeat(64))).isEmpty();
      }

      HttpResponse<String> health = get(http, base + "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
      HttpResponse<String> metrics = get(http, base + "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.body())
          .contains("trustyard_signer_keys{algorithm=\"ecdsa\"} 2.0")
          .contains("trustyard_signer_keys{algorithm=\"ed25519\"} 1.0")
          .contains("trustyard_signer_keys{algorithm=\"rsa\"} 0.0")
          .contains("trustyard_signer_rpc_seconds_count{method=\"proto.KeyManagement/CreateKey\",status=\"OK\"} 3")
          .contains("trustyard_signer_rpc_seconds_count{method=\"proto.KeyManagement/GetKeyInfo\",status=\"NOT_FOUND\"} 1")
          .contains("jvm_memory_used_bytes");
      assertThat(get(http, base + "/keys").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withoutHttpAddrThereIsNoHttpListener() {
    SignerConfig config = SignerConfig.defaults(dir).withGrpc(new ListenAddress("127.0.0.1", 0));
    try (SignerRunner runner = SignerRunner.start(config, Map.of(), new SecureRandom(), Clock.systemUTC())) {
      assertThat(runner.httpPort()).isEmpty();
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
