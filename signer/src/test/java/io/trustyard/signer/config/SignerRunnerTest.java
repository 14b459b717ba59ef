package io.trustyard.signer.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.Signed;
import io.trustyard.signer.grpc.ClientTls;
import io.trustyard.signer.grpc.RemoteKeyService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trustyard's defaults: no config file, no environment; keys and certificates survive a restart. */
class SignerRunnerTest {

  @TempDir Path dir;

  @Test
  void startsOnDefaultsAndKeepsKeysAcrossARestart() {
    SignerConfig defaults = SignerConfig.defaults(dir.resolve("data"));
    SignerConfig config = new SignerConfig(defaults.host(), 0, defaults.tls(), defaults.backend(), defaults.dbUrl(),
        defaults.defaultAlias(), defaults.logLevel(), defaults.dataDir());
    byte[] content = "{\"signed\":1}".getBytes();
    SignerKey key;
    String caPem;
    try (SignerRunner runner = SignerRunner.start(config, Map.of(), new SecureRandom(), Clock.systemUTC());
        RemoteKeyService client = connect(runner)) {
      key = client.createKey("ecdsa", "example.com/app", "timestamp");
      caPem = read(runner.pki().orElseThrow().ca());
      assertThat(mode(runner.pki().orElseThrow().signerKey())).isEqualTo("rw-------");
      assertThat(mode(dir.resolve("data/passphrase-timestamp_1"))).isEqualTo("rw-------");
      assertThat(mode(dir.resolve("data/signer.db"))).isEqualTo("rw-------");
      assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
    }
    try (SignerRunner runner = SignerRunner.start(config, Map.of(), new SecureRandom(), Clock.systemUTC());
        RemoteKeyService client = connect(runner)) {
      assertThat(read(runner.pki().orElseThrow().ca())).isEqualTo(caPem);
      assertThat(client.getKey(key.id())).contains(key);
      Signed signed = client.sign(key.id(), content);
      assertThat(TufSignatures.verify(new TufPublicKey(key.algorithm(), key.publicBytes()), signed.method(),
          signed.signature(), content)).isTrue();
    }
  }

  private static RemoteKeyService connect(SignerRunner runner) {
    LocalPki pki = runner.pki().orElseThrow();
    return RemoteKeyService.connect("localhost", runner.port(),
        ClientTls.mutual(pki.ca(), pki.clientCert(), pki.clientKey()), Duration.ofSeconds(20));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
