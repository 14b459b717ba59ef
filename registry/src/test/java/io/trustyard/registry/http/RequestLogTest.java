package io.trustyard.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.trustyard.registry.auth.AccessController;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.storage.FilesystemDriver;
import io.trustyard.store.metrics.ServiceMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every request is one access line and one timer sample: the API, and /health, /metrics and extra routes alike. */
class RequestLogTest {

  @TempDir Path root;

  @Test
  void healthMetricsAndTheTokenRouteAreLoggedAndTimedLikeTheApi() throws Exception {
    var metrics = ServiceMetrics.create();
    RegistryServices services = RegistryServices.create(new FilesystemDriver(root), metrics, Clock.systemUTC(), false,
        true);
    RegistryHttpServer.ExtraRoute token = new RegistryHttpServer.ExtraRoute() {
      public String path() {
        return "/token";
      }

      public RegistryHttpServer.Answer answer(Map<String, List<String>> query, String authorization) {
        return new RegistryHttpServer.Answer(401, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
      }
    };
    Logger access = (Logger) LoggerFactory.getLogger("io.trustyard.access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    try (RegistryHttpServer server = new RegistryHttpServer("127.0.0.1", 0, null, services, AccessController.NONE,
        metrics, List.of(token))) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      for (String path : List.of("/health", "/token?service=x&scope=repository:a/b:pull", "/v2/", "/metrics")) {
        http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding());
      }
      // A line is written once the answer is out, so it may trail the client by a moment.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (logged(lines).size() < 4 && System.nanoTime() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
      }
      String scrape = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(scrape)
          .contains("trustyard_registry_http_requests_seconds_count{endpoint=\"health\",method=\"GET\",status=\"200\"} 1")
          .contains("trustyard_registry_http_requests_seconds_count{endpoint=\"token\",method=\"GET\",status=\"401\"} 1")
          .contains("trustyard_registry_http_requests_seconds_count{endpoint=\"base\",method=\"GET\",status=\"200\"} 1")
          .contains("trustyard_registry_http_requests_seconds_count{endpoint=\"metrics\",method=\"GET\",status=\"200\"} 1")
          .contains("jvm_memory_used_bytes");
    } finally {
      access.detachAppender(lines);
    }
    List<String> logged = logged(lines);
    assertThat(logged).allMatch(l -> l.startsWith("service=registry method=GET path="));
    assertThat(logged).anyMatch(l -> l.startsWith("service=registry method=GET path=/health endpoint=health status=200 duration_ms="))
        .anyMatch(l -> l.contains("path=/token endpoint=token status=401"))
        .anyMatch(l -> l.contains("path=/v2/ endpoint=base status=200"))
        .anyMatch(l -> l.contains("path=/metrics endpoint=metrics status=200"));
  }

  /** The lines so far (the appender adds under its own lock). */
  private static List<String> logged(ListAppender<ILoggingEvent> lines) {
    synchronized (lines) {
      return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }
}
