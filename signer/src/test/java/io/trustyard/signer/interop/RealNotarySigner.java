package io.trustyard.signer.interop;

import io.trustyard.signer.TestPki;
import io.trustyard.signer.grpc.ClientTls;
import io.trustyard.signer.grpc.RemoteKeyService;
import io.trustyard.signer.keys.SqlKeyStore;
import io.trustyard.store.Database;
import io.trustyard.store.Dialect;
import io.trustyard.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real notary-signer (Debian's build: memory, MySQL and PostgreSQL backends, no SQLite) on a
 * PostgreSQL or MariaDB test database whose schema our migrations made (notary-signer creates no
 * tables), serving gRPC over mutual TLS with {@link TestPki}'s certificates. Returned once its
 * health service reports both services serving.
 */
public final class RealNotarySigner implements AutoCloseable {
  /** The passphrase alias new keys are encrypted under; its passphrase comes from {@code NOTARY_SIGNER_TIMESTAMP_1}. */
  public static final String DEFAULT_ALIAS = "timestamp_1";

  private final Subprocess process;
  private final int port;

  private RealNotarySigner(Subprocess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** {@code env} must hold {@code NOTARY_SIGNER_TIMESTAMP_1}, the passphrase of {@link #DEFAULT_ALIAS}. */
  public static RealNotarySigner start(Path dir, TestPki pki, TestDatabase db, Map<String, String> env) {
    try (Database schema = db.open()) {
      SqlKeyStore.open(schema, Clock.systemUTC());
    }
    int port = Subprocess.freePort();
    Path config = dir.resolve("notary-signer-config.json");
    try {
      Files.writeString(config, """
          {"server": {"grpc_addr": "127.0.0.1:%d", "tls_cert_file": "%s", "tls_key_file": "%s", "client_ca_file": "%s"},
           "logging": {"level": "info"},
           "storage": {"backend": "%s", "db_url": "%s", "default_alias": "%s"}}
          """.formatted(port, pki.serverCert(), pki.serverKey(), pki.ca(),
          db.dialect() == Dialect.POSTGRESQL ? "postgres" : "mysql", notaryDbUrl(db), DEFAULT_ALIAS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Subprocess process = Subprocess.start("notary-signer", List.of("notary-signer", "-config", config.toString()), env, dir);
    try (RemoteKeyService probe = RemoteKeyService.connect("127.0.0.1", port, client(pki), Duration.ofSeconds(5))) {
      process.awaitReady(probe::healthy, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    return new RealNotarySigner(process, port);
  }

  /** The client side of the mutual TLS, as notary-server or our remote key service uses it. */
  public static ClientTls client(TestPki pki) {
    return ClientTls.mutual(pki.ca(), pki.clientCert(), pki.clientKey()).withServerName(TestPki.SERVER_NAME);
  }

  public int port() {
    return port;
  }

  public String log() {
    return process.log();
  }

  /** The database as notary's config names it: a lib/pq URL or a Go MySQL DSN. */
  public static String notaryDbUrl(TestDatabase test) {
    String hostAndName = test.url().jdbcUrl().replaceFirst("^jdbc:[a-z]+://", "");
    if (test.dialect() == Dialect.POSTGRESQL) {
      return "postgres://postgres@" + hostAndName + "?sslmode=disable";
    }
    int slash = hostAndName.indexOf('/');
    return "root:@tcp(" + hostAndName.substring(0, slash) + ")" + hostAndName.substring(slash) + "?parseTime=True";
  }

  @Override
  public void close() {
    process.close();
  }
}
