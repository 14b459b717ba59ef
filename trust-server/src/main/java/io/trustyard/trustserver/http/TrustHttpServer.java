package io.trustyard.trustserver.http;

import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.store.metrics.ServiceMetrics;
import io.trustyard.trustserver.service.TrustService;

/** The trust server's HTTP(S) listener on Helidon SE. */
public final class TrustHttpServer implements AutoCloseable {
  private final WebServer server;

  private TrustHttpServer(WebServer server) {
    this.server = server;
  }

  public static TrustHttpServer start(TrustService service, Authorizer authorizer, HttpSettings settings) {
    PrometheusMeterRegistry metrics = ServiceMetrics.create();
    NotaryHandler handler = new NotaryHandler(service, authorizer, settings, metrics);
    WebServerConfig.Builder builder = WebServer.builder()
        .host(settings.host())
        .port(settings.port())
        // Our own bound answers with notary's error code; this one only stops absurd bodies early.
        .maxPayloadSize(settings.maxUploadBytes() * 2 + 1024 * 1024)
        .routing(r -> r.any(handler));
    settings.tls().ifPresent(ctx -> builder.tls(Tls.builder().sslContext(ctx).build()));
    return new TrustHttpServer(builder.build().start());
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
