package io.trustyard.cli.trust;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trustyard.registry.auth.AccessController;
import io.trustyard.registry.http.RegistryHttpServer;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.storage.FilesystemDriver;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.store.Database;
import io.trustyard.store.DatabaseUrl;
import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.trustserver.config.GeneratedTls;
import io.trustyard.trustserver.config.TlsFiles;
import io.trustyard.trustserver.http.CacheSettings;
import io.trustyard.trustserver.http.HttpSettings;
import io.trustyard.trustserver.http.TrustHttpServer;
import io.trustyard.trustserver.service.NotaryTrustService;
import io.trustyard.trustserver.storage.SqlMetadataStore;
import io.trustyard.trustserver.testing.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Our registry (plain HTTP on loopback) and our trust server (TLS from a test CA, metadata in a
 * SQLite file, on a clock the test can move), in this process.
 */
public final class OurStack implements AutoCloseable {
  final Path registryRoot;
  final RegistryHttpServer registry;
  public final TrustHttpServer trust;
  public final Path caCert;
  /** The trust server's clock (signing times, expiry of what it serves); the client keeps its own. */
  public final MovableClock serverClock = new MovableClock();
  private final Database trustDb;

  public OurStack(Path dir) throws Exception {
    registryRoot = Files.createDirectories(dir.resolve("registry"));
    var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RegistryServices services = RegistryServices.create(new FilesystemDriver(registryRoot), metrics,
        Clock.systemUTC(), false, true);
    registry = new RegistryHttpServer("127.0.0.1", 0, null, services, AccessController.NONE, metrics, List.of());
    GeneratedTls tls = GeneratedTls.ensure(dir.resolve("pki"), List.of("localhost"), List.of("127.0.0.1"),
        Duration.ofDays(2));
    caCert = tls.caCert;
    var keys = new LocalKeyService(new MemoryKeyStore(), Passphrases.constant("server-keys-passphrase"), "default",
        new SecureRandom(), serverClock, () -> {});
    trustDb = Database.open(DatabaseUrl.sqlite(dir.resolve("trust-server.db")));
    SqlMetadataStore.migrateSchema(trustDb);
    NotaryTrustService service = new NotaryTrustService(new SqlMetadataStore(trustDb, serverClock), keys, "ecdsa",
        serverClock);
    trust = TrustHttpServer.start(service, Authorizer.NONE, new HttpSettings("127.0.0.1", 0,
        Optional.of(TlsFiles.serverContext(tls.serverCert, tls.serverKey, null)), CacheSettings.DEFAULT, List.of(),
        HttpSettings.DEFAULT_MAX_UPLOAD_BYTES));
  }

  public String registryHost() {
    return "127.0.0.1:" + registry.port();
  }

  public String trustUrl() {
    return "https://127.0.0.1:" + trust.port();
  }

  /** Where distribution's layout keeps a blob's bytes. */
  public Path blobData(String hex) {
    return registryRoot.resolve("docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
  }

  /** Marks the trust server's database as a backup taken now would hold it (the last stored file). */
  public long backupMark() {
    return trustDb.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM tuf_files");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Restores the trust server's database from the backup {@code mark} names: every file stored since is gone. */
  public void restoreBackup(long mark) {
    trustDb.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM tuf_files WHERE id > ?")) {
        ps.setLong(1, mark);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void close() {
    trust.close();
    registry.close();
    trustDb.close();
  }
}
