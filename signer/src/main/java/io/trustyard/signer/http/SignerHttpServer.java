package io.trustyard.signer.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trustyard.signer.config.ListenAddress;
import io.trustyard.store.metrics.ServiceMetrics;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signer's plain-HTTP side listener (notary-signer's {@code server.http_addr}): {@code GET
 * /health} (200 while the key storage answers, 503 when not, as the gRPC health service reports)
 * and {@code GET /metrics} in Prometheus text. Keys and signing stay on the mutual-TLS gRPC port.
 */
public final class SignerHttpServer implements AutoCloseable {
  private static final Logger ACCESS = LoggerFactory.getLogger("io.trustyard.access");
  private static final String JSON = "application/json; charset=utf-8";

  private final WebServer server;

  private SignerHttpServer(WebServer server) {
    this.server = server;
  }

  public static SignerHttpServer start(ListenAddress address, BooleanSupplier healthy, PrometheusMeterRegistry metrics) {
    WebServer server = WebServer.builder()
        .host(address.bindHost())
        .port(address.port())
        .shutdownHook(false)
        .routing(r -> r.any((req, res) -> handle(req, res, healthy, metrics)))
        .build()
        .start();
    return new SignerHttpServer(server);
  }

  private static void handle(ServerRequest req, ServerResponse res, BooleanSupplier healthy,
      PrometheusMeterRegistry metrics) {
    long start = System.nanoTime();
    String method = req.prologue().method().text();
    String path = req.path().rawPath();
    try {
      boolean read = method.equals("GET") || method.equals("HEAD");
      if (read && path.equals("/health")) {
        boolean ok = healthy.getAsBoolean();
        send(res, ok ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, JSON,
            ok ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\",\"error\":\"key storage is not reachable\"}");
      } else if (read && path.equals("/metrics")) {
        send(res, Status.OK_200, ServiceMetrics.CONTENT_TYPE, metrics.scrape());
      } else {
        send(res, Status.NOT_FOUND_404, "text/plain; charset=utf-8", "404 page not found: /health and /metrics only\n");
      }
    } finally {
      ACCESS.info("service=signer method={} path={} status={} duration_ms={}", method, path, res.status().code(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static void send(ServerResponse res, Status status, String contentType, String body) {
    res.status(status).header(HeaderNames.CONTENT_TYPE, contentType).send(body.getBytes(StandardCharsets.UTF_8));
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
