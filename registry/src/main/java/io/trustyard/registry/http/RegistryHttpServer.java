package io.trustyard.registry.http;

import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trustyard.registry.auth.AccessController;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.store.metrics.ServiceMetrics;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The HTTP server: the distribution API under {@code /v2}, plus {@code /health} and
 * {@code /metrics} (Prometheus text), and any extra routes (the built-in token endpoint).
 */
public final class RegistryHttpServer implements AutoCloseable {
  private final WebServer server;

  /** An extra GET route outside {@code /v2}, e.g. a token endpoint. */
  public interface ExtraRoute {
    String path();

    /** Answers (status, content type, body) for the request's query parameters and headers. */
    Answer answer(Map<String, List<String>> query, String authorization);
  }

  public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {}

  public RegistryHttpServer(String host, int port, SSLContext tls, RegistryServices services, AccessController access,
      PrometheusMeterRegistry prometheus, List<ExtraRoute> extras) {
    Dispatcher dispatcher = new Dispatcher(services, access);
    Consumer<HttpRouting.Builder> routing = r -> {
      r.get("/health", logged(services, "health", (req, res) -> Http.json(res, 200, Map.of("status", "ok"))));
      if (prometheus != null) {
        r.get("/metrics", logged(services, "metrics", (req, res) -> Http.send(res, 200, ServiceMetrics.CONTENT_TYPE,
            Http.utf8(prometheus.scrape()))));
      }
      for (ExtraRoute extra : extras) {
        r.get(extra.path(), logged(services, extra.path().replaceAll("^/", ""), (req, res) -> {
          Map<String, List<String>> query = new java.util.LinkedHashMap<>();
          for (String name : req.query().names()) {
            query.put(name, req.query().all(name));
          }
          Answer a = extra.answer(query, Http.header(req, "Authorization"));
          a.headers().forEach(res::header);
          Http.send(res, a.status(), a.contentType(), a.body());
        }));
      }
      r.any(dispatcher);
    };
    WebServerConfig.Builder builder = WebServer.builder()
        .host(host)
        .port(port)
        .shutdownHook(false)
        .routing(routing);
    if (tls != null) {
      builder.tls(Tls.builder().sslContext(tls).build());
    }
    this.server = builder.build().start();
  }

  /** The routes outside {@code /v2} are logged and timed like the distribution API (the dispatcher does its own). */
  private static Handler logged(RegistryServices services, String endpoint, Handler handler) {
    return (req, res) -> {
      long start = System.nanoTime();
      try {
        handler.handle(req, res);
      } finally {
        RequestLog.record(services.metrics(), req.prologue().method().text(), req.path().rawPath(), endpoint,
            res.status().code(), start);
      }
    };
  }

  public int port() {
    return server.port();
  }

  public boolean tls() {
    return server.hasTls();
  }

  @Override
  public void close() {
    server.stop();
  }
}
