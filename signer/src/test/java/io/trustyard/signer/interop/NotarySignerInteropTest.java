package io.trustyard.signer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.Signed;
import io.trustyard.signer.TestPki;
import io.trustyard.signer.grpc.RemoteKeyService;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.signer.keys.SqlKeyStore;
import io.trustyard.store.Database;
import io.trustyard.store.Dialect;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our remote client against the real notary-signer (Debian's build: memory, MySQL and PostgreSQL
 * backends; no SQLite), on a database whose schema our migrations made. Then the other way round
 * on the same database: our local service signs with the key notary-signer stored, and
 * notary-signer signs with a key we stored, so each reads the other's JWE-encrypted rows.
 */
class NotarySignerInteropTest {

  private static final Map<String, String> ENV = Map.of("NOTARY_SIGNER_TIMESTAMP_1", "interop passphrase");
  private static final byte[] CONTENT = "{\"_type\":\"Timestamp\",\"version\":1}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "MYSQL"})
  void ourClientUsesNotarySignerAndBothReadTheSameDatabase(Dialect dialect) throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"));
    try (TestDatabase test = TestDatabases.create(dialect, dir); Database db = test.open()) {
      SqlKeyStore store = SqlKeyStore.open(db, Clock.systemUTC());
      try (RealNotarySigner signer = RealNotarySigner.start(dir, pki, test, ENV);
          RemoteKeyService remote = RemoteKeyService.connect("127.0.0.1", signer.port(), RealNotarySigner.client(pki),
              Duration.ofSeconds(20))) {
        // Our client, their signer: keys created, looked up and used; signatures verify.
        SignerKey theirs = remote.createKey("ecdsa", "example.com/interop", "timestamp");
        assertThat(remote.getKey(theirs.id())).hasValueSatisfying(k -> {
          assertThat(k.role()).isEqualTo("timestamp");
          assertThat(k.publicBytes()).isEqualTo(theirs.publicBytes());
        });
        Signed signed = remote.sign(theirs.id(), CONTENT);
        assertThat(signed.method()).isEqualTo("ecdsa");
        assertThat(verify(theirs, signed)).isTrue();
        SignerKey theirEd = remote.createKey("ed25519", "example.com/interop", "snapshot");
        assertThat(verify(theirEd, remote.sign(theirEd.id(), CONTENT))).isTrue();
        assertThat(remote.getKey("0".repeat(64))).isEmpty();

        // Their row, our service: the jose2go JWE opens and the key signs.
        try (LocalKeyService local = new LocalKeyService(store, Passphrases.fromEnvironment(ENV), "timestamp_1",
            new SecureRandom(), Clock.systemUTC(), () -> { })) {
          assertThat(local.getKey(theirs.id())).contains(new SignerKey(theirs.id(), "ecdsa", theirs.publicBytes(), "timestamp"));
          assertThat(verify(theirs, local.sign(theirs.id(), CONTENT))).isTrue();
          assertThat(verify(theirEd, local.sign(theirEd.id(), CONTENT))).isTrue();

          // Our row, their signer: notary-signer opens our JWE and signs.
          SignerKey ours = local.createKey("ecdsa", "example.com/interop", "targets/releases");
          Signed byThem = remote.sign(ours.id(), CONTENT);
          assertThat(verify(ours, byThem)).isTrue();
          assertThat(remote.getKey(ours.id())).hasValueSatisfying(k -> assertThat(k.role()).isEqualTo("targets/releases"));

          // A deletion by either side is seen by the other.
          remote.deleteKey(ours.id());
          assertThat(local.getKey(ours.id())).isEmpty();
        }
      }
    }
  }

  private static boolean verify(SignerKey key, Signed signed) {
    return TufSignatures.verify(new TufPublicKey(key.algorithm(), key.publicBytes()), signed.method(),
        signed.signature(), CONTENT);
  }
}
