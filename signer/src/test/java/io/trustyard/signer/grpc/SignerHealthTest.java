package io.trustyard.signer.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.signer.TestPki;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.signer.keys.SqlKeyStore;
import io.trustyard.store.Database;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gRPC health status follows the signer's storage. */
class SignerHealthTest {

  @TempDir Path dir;

  @Test
  void reportsNotServingWhenItsDatabaseIsGone() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    Database db = Database.open("sqlite:" + dir.resolve("signer.db"));
    LocalKeyService keys = new LocalKeyService(SqlKeyStore.open(db, Clock.systemUTC()), Passphrases.constant("pw"),
        "default", new SecureRandom(), Clock.systemUTC(), db::close);
    try (SignerServer server = SignerServer.start(keys, new InetSocketAddress("127.0.0.1", 0),
            new ServerTls(pki.serverCert(), pki.serverKey(), Optional.of(pki.ca())), Duration.ofMillis(100));
        RemoteKeyService client = RemoteKeyService.connect("127.0.0.1", server.port(),
            ClientTls.mutual(pki.ca(), pki.clientCert(), pki.clientKey()).withServerName(TestPki.SERVER_NAME),
            Duration.ofSeconds(20))) {
      assertThat(client.healthy()).isTrue();
      db.close();
      Instant deadline = Instant.now().plusSeconds(20);
      while (client.healthy() && Instant.now().isBefore(deadline)) {
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // poll interval of a bounded wait
      }
      assertThat(client.healthy()).isFalse();
    } finally {
      keys.close();
    }
  }
}
