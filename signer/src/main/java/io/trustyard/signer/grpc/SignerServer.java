package io.trustyard.signer.grpc;

import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signer's gRPC server: KeyManagement, Signer and the standard health service, over TLS
 * (mutual when a client CA is configured), bound to one address.
 */
public final class SignerServer implements AutoCloseable {

  /** The health service names notary-signer sets and notary-server checks. */
  public static final String HEALTH_KEY_MANAGEMENT = "grpc.health.v1.Health.KeyManagement";
  public static final String HEALTH_SIGNER = "grpc.health.v1.Health.Signer";
  public static final int DEFAULT_PORT = 7899;

  private static final Logger LOG = LoggerFactory.getLogger(SignerServer.class);

  /** How often the key service (its database) is checked for the health status. */
  public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(10);

  private final Server server;
  private final HealthStatusManager health;
  private final ScheduledExecutorService healthChecks;

  private SignerServer(Server server, HealthStatusManager health, ScheduledExecutorService healthChecks) {
    this.server = server;
    this.health = health;
    this.healthChecks = healthChecks;
  }

  /** Starts serving {@code keys} on {@code address} (port 0 picks a free port). */
  public static SignerServer start(KeyService keys, InetSocketAddress address, ServerTls tls) {
    return start(keys, address, tls, DEFAULT_HEALTH_INTERVAL);
  }

  /**
   * As {@link #start(KeyService, InetSocketAddress, ServerTls)}, re-checking the key service every
   * {@code healthInterval}: a signer whose database is gone reports NOT_SERVING, so that
   * notary-server (and a load balancer) stop sending it work.
   */
  public static SignerServer start(KeyService keys, InetSocketAddress address, ServerTls tls, Duration healthInterval) {
    return start(keys, address, tls, healthInterval, new SimpleMeterRegistry());
  }

  /** As above, timing every call into {@code metrics} ({@code trustyard_signer_rpc}). */
  public static SignerServer start(KeyService keys, InetSocketAddress address, ServerTls tls, Duration healthInterval,
      MeterRegistry metrics) {
    TlsServerCredentials.Builder credentials = TlsServerCredentials.newBuilder()
        .keyManager(TlsMaterial.keyManagers(tls.certChain(), tls.privateKey()));
    if (tls.clientCa().isPresent()) {
      credentials.trustManager(TlsMaterial.trustManagers(tls.clientCa().get()))
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    } else {
      LOG.warn("no client CA configured: any TLS client may use the signer's keys");
    }
    HealthStatusManager health = new HealthStatusManager();
    Server server = NettyServerBuilder.forAddress(address, credentials.build())
        .maxInboundMessageSize(Limits.MAX_MESSAGE_BYTES)
        .addService(new KeyManagementGrpcService(keys))
        .addService(new SignerGrpcService(keys))
        .addService(health.getHealthService())
        .intercept(new AccessLog(metrics))
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    setHealth(health, ServingStatus.SERVING);
    ScheduledExecutorService healthChecks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "signer-health");
      t.setDaemon(true);
      return t;
    });
    AtomicBoolean serving = new AtomicBoolean(true);
    healthChecks.scheduleWithFixedDelay(() -> {
      boolean ok = keys.healthy();
      if (serving.getAndSet(ok) != ok) {
        LOG.warn("signer storage is {}", ok ? "back: serving" : "not reachable: reporting NOT_SERVING");
        setHealth(health, ok ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
      }
    }, healthInterval.toMillis(), healthInterval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("signer listening on {}:{} (client certificates {})", address.getHostString(), server.getPort(),
        tls.clientCa().isPresent() ? "required" : "not checked");
    return new SignerServer(server, health, healthChecks);
  }

  private static void setHealth(HealthStatusManager health, ServingStatus status) {
    health.setStatus("", status);
    health.setStatus(HEALTH_KEY_MANAGEMENT, status);
    health.setStatus(HEALTH_SIGNER, status);
  }

  public int port() {
    return server.getPort();
  }

  /** Blocks until the server stops. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    healthChecks.shutdownNow();
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
