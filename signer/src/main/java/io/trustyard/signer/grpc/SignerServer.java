package io.trustyard.signer.grpc;

import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
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

  private final Server server;
  private final HealthStatusManager health;

  private SignerServer(Server server, HealthStatusManager health) {
    this.server = server;
    this.health = health;
  }

  /** Starts serving {@code keys} on {@code address} (port 0 picks a free port). */
  public static SignerServer start(KeyService keys, InetSocketAddress address, ServerTls tls) {
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
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    health.setStatus("", ServingStatus.SERVING);
    health.setStatus(HEALTH_KEY_MANAGEMENT, ServingStatus.SERVING);
    health.setStatus(HEALTH_SIGNER, ServingStatus.SERVING);
    LOG.info("signer listening on {}:{} (client certificates {})", address.getHostString(), server.getPort(),
        tls.clientCa().isPresent() ? "required" : "not checked");
    return new SignerServer(server, health);
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
