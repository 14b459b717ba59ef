package io.trustyard.signer.grpc;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.Limits;
import io.trustyard.signer.SignerError;
import io.trustyard.signer.SignerException;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.Signed;
import io.trustyard.signer.grpc.proto.CreateKeyRequest;
import io.trustyard.signer.grpc.proto.GetKeyInfoResponse;
import io.trustyard.signer.grpc.proto.KeyID;
import io.trustyard.signer.grpc.proto.KeyManagementGrpc;
import io.trustyard.signer.grpc.proto.PublicKey;
import io.trustyard.signer.grpc.proto.Signature;
import io.trustyard.signer.grpc.proto.SignatureRequest;
import io.trustyard.signer.grpc.proto.SignerGrpc;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@link KeyService} on a remote signer (ours or notary-signer) over gRPC with TLS: the signer's
 * certificate must chain to the configured CA, and the client presents its own certificate.
 */
public final class RemoteKeyService implements KeyService {

  private final ManagedChannel channel;
  private final Duration timeout;

  private RemoteKeyService(ManagedChannel channel, Duration timeout) {
    this.channel = channel;
    this.timeout = timeout;
  }

  /** A client for the signer at {@code host:port}; connects lazily, each call bounded by {@code timeout}. */
  public static RemoteKeyService connect(String host, int port, ClientTls tls, Duration timeout) {
    TlsChannelCredentials.Builder credentials = TlsChannelCredentials.newBuilder()
        .trustManager(TlsMaterial.trustManagers(tls.ca()));
    if (tls.clientCert().isPresent()) {
      credentials.keyManager(TlsMaterial.keyManagers(tls.clientCert().get(), tls.clientKey().orElseThrow()));
    }
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(host, port, credentials.build())
        .maxInboundMessageSize(Limits.MAX_MESSAGE_BYTES);
    tls.serverName().ifPresent(builder::overrideAuthority);
    return new RemoteKeyService(builder.build(), timeout);
  }

  @Override
  public SignerKey createKey(String algorithm, String gun, String role) {
    try {
      PublicKey key = KeyManagementGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .createKey(CreateKeyRequest.newBuilder().setAlgorithm(algorithm).setGun(gun).setRole(role).build());
      return new SignerKey(key.getKeyInfo().getKeyID().getID(), key.getKeyInfo().getAlgorithm().getAlgorithm(),
          key.getPublicKey().toByteArray(), role);
    } catch (StatusRuntimeException e) {
      throw GrpcErrors.fromStatus(e, "signer refused to create a " + algorithm + " key");
    }
  }

  @Override
  public Optional<SignerKey> getKey(String keyId) {
    try {
      GetKeyInfoResponse info = KeyManagementGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .getKeyInfo(KeyID.newBuilder().setID(keyId).build());
      return Optional.of(new SignerKey(info.getKeyInfo().getKeyID().getID(),
          info.getKeyInfo().getAlgorithm().getAlgorithm(), info.getPublicKey().toByteArray(), info.getRole()));
    } catch (StatusRuntimeException e) {
      SignerException failure = GrpcErrors.fromStatus(e, "signer could not look up key " + keyId);
      if (failure.error() == SignerError.KEY_NOT_FOUND) {
        return Optional.empty();
      }
      throw failure;
    }
  }

  @Override
  public void deleteKey(String keyId) {
    try {
      KeyManagementGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .deleteKey(KeyID.newBuilder().setID(keyId).build());
    } catch (StatusRuntimeException e) {
      throw GrpcErrors.fromStatus(e, "signer could not delete key " + keyId);
    }
  }

  @Override
  public Signed sign(String keyId, byte[] content) {
    try {
      Signature sig = SignerGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .sign(SignatureRequest.newBuilder().setKeyID(KeyID.newBuilder().setID(keyId))
              .setContent(Messages.bytes(content)).build());
      return new Signed(sig.getKeyInfo().getKeyID().getID(), sig.getKeyInfo().getAlgorithm().getAlgorithm(),
          sig.getAlgorithm().getAlgorithm(), sig.getContent().toByteArray());
    } catch (StatusRuntimeException e) {
      throw GrpcErrors.fromStatus(e, "signer could not sign with key " + keyId);
    }
  }

  /** True when the signer reports both of notary's health service names as serving. */
  @Override
  public boolean healthy() {
    return serving(SignerServer.HEALTH_KEY_MANAGEMENT) && serving(SignerServer.HEALTH_SIGNER);
  }

  private boolean serving(String service) {
    try {
      HealthCheckResponse r = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .check(HealthCheckRequest.newBuilder().setService(service).build());
      return r.getStatus() == HealthCheckResponse.ServingStatus.SERVING;
    } catch (StatusRuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
