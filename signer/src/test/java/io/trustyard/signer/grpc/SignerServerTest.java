package io.trustyard.signer.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.signer.Limits;
import io.trustyard.signer.SignerError;
import io.trustyard.signer.SignerException;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.Signed;
import io.trustyard.signer.TestPki;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Our remote client against our gRPC server, over mutual TLS on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignerServerTest {

  private TestPki pki;
  private SignerServer server;
  private RemoteKeyService client;
  private static final byte[] CONTENT = "{\"signed\":{}}".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  void start(@TempDir Path dir) {
    pki = TestPki.create(dir.resolve("pki"));
    LocalKeyService keys = new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("pw"), "default",
        new SecureRandom(), Clock.systemUTC(), () -> { });
    server = SignerServer.start(keys, new InetSocketAddress("127.0.0.1", 0),
        new ServerTls(pki.serverCert(), pki.serverKey(), Optional.of(pki.ca())));
    client = connect(ClientTls.mutual(pki.ca(), pki.clientCert(), pki.clientKey()).withServerName(TestPki.SERVER_NAME));
  }

  @AfterAll
  void stop() {
    client.close();
    server.close();
  }

  private RemoteKeyService connect(ClientTls tls) {
    return RemoteKeyService.connect("127.0.0.1", server.port(), tls, Duration.ofSeconds(20));
  }

  @Test
  void servesKeyManagementSigningAndNotarysHealthNames() {
    assertThat(client.healthy()).isTrue();
    SignerKey key = client.createKey("ecdsa", "example.com/app", "timestamp");
    assertThat(key.role()).isEqualTo("timestamp");
    assertThat(client.getKey(key.id())).contains(key);
    Signed signed = client.sign(key.id(), CONTENT);
    assertThat(signed.method()).isEqualTo("ecdsa");
    assertThat(TufSignatures.verify(new TufPublicKey(key.algorithm(), key.publicBytes()), signed.method(),
        signed.signature(), CONTENT)).isTrue();
    client.deleteKey(key.id());
    assertThat(client.getKey(key.id())).isEmpty();
  }

  @Test
  void badRequestsGetClearErrorsAndTheServerKeepsServing() {
    assertThatThrownBy(() -> client.createKey("dsa", "g", "timestamp")).isInstanceOfSatisfying(SignerException.class, e -> {
      assertThat(e.error()).isEqualTo(SignerError.INVALID_REQUEST);
      assertThat(e.getMessage()).contains("algorithm 'dsa' not supported");
    });
    assertThatThrownBy(() -> client.sign("f".repeat(64), CONTENT)).isInstanceOfSatisfying(SignerException.class, e -> {
      assertThat(e.error()).isEqualTo(SignerError.KEY_NOT_FOUND);
      assertThat(e.getMessage()).contains("key " + "f".repeat(64) + " not found");
    });
    SignerKey key = client.createKey("ed25519", "g", "snapshot");
    assertThatThrownBy(() -> client.sign(key.id(), new byte[Limits.MAX_SIGN_BYTES + 1]))
        .isInstanceOfSatisfying(SignerException.class, e -> {
          assertThat(e.error()).isEqualTo(SignerError.PAYLOAD_TOO_LARGE);
          assertThat(e.getMessage()).contains("limit");
        });
    assertThatThrownBy(() -> client.sign(key.id(), new byte[Limits.MAX_MESSAGE_BYTES + 10]))
        .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.error()).isEqualTo(SignerError.PAYLOAD_TOO_LARGE));
    assertThat(client.sign(key.id(), CONTENT).method()).isEqualTo("eddsa");
    assertThat(client.healthy()).isTrue();
  }

  @Test
  void aPassphraseAliasWithoutPassphraseIsNamedAndNothingIsStored() {
    MemoryKeyStore store = new MemoryKeyStore();
    LocalKeyService keys = new LocalKeyService(store, Passphrases.fromEnvironment(java.util.Map.of()), "timestamp_9",
        new SecureRandom(), Clock.systemUTC(), () -> { });
    try (SignerServer noPassphrase = SignerServer.start(keys, new InetSocketAddress("127.0.0.1", 0),
            new ServerTls(pki.serverCert(), pki.serverKey(), Optional.of(pki.ca())));
        RemoteKeyService c = RemoteKeyService.connect("127.0.0.1", noPassphrase.port(),
            ClientTls.mutual(pki.ca(), pki.clientCert(), pki.clientKey()).withServerName(TestPki.SERVER_NAME),
            Duration.ofSeconds(20))) {
      assertThatThrownBy(() -> c.createKey("ecdsa", "g", "timestamp")).isInstanceOfSatisfying(SignerException.class,
          e -> assertThat(e.getMessage()).contains("NOTARY_SIGNER_TIMESTAMP_9"));
      assertThat(store.firstUnused("timestamp", "g", "ecdsa")).isEmpty();
      assertThat(c.healthy()).isTrue();
    }
  }

  @Test
  void refusesClientsWithoutACertificateFromTheClientCa() {
    try (RemoteKeyService anonymous = connect(new ClientTls(pki.ca(), Optional.empty(), Optional.empty(),
            Optional.of(TestPki.SERVER_NAME)));
        RemoteKeyService rogue = connect(ClientTls.mutual(pki.ca(), pki.rogueClientCert(), pki.rogueClientKey())
            .withServerName(TestPki.SERVER_NAME))) {
      for (RemoteKeyService refused : new RemoteKeyService[] {anonymous, rogue}) {
        assertThatThrownBy(() -> refused.createKey("ecdsa", "g", "timestamp"))
            .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.error()).isEqualTo(SignerError.UNAVAILABLE));
        assertThat(refused.healthy()).isFalse();
      }
    }
    // A client that does not trust the signer's CA does not talk to it either.
    try (RemoteKeyService distrustful = connect(ClientTls.mutual(pki.otherCa(), pki.clientCert(), pki.clientKey())
        .withServerName(TestPki.SERVER_NAME))) {
      assertThat(distrustful.healthy()).isFalse();
    }
    assertThat(client.healthy()).isTrue();
  }
}
