package io.trustyard.trustserver;

import io.trustyard.signer.KeyService;
import io.trustyard.signer.grpc.ClientTls;
import io.trustyard.signer.grpc.RemoteKeyService;
import io.trustyard.signer.keys.KeyStore;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.signer.keys.SqlKeyStore;
import io.trustyard.store.Database;
import io.trustyard.store.DatabaseUrl;
import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.trustserver.auth.TokenAuthorizer;
import io.trustyard.trustserver.config.ConfigException;
import io.trustyard.trustserver.config.GeneratedTls;
import io.trustyard.trustserver.config.TlsFiles;
import io.trustyard.trustserver.config.TrustServerConfig;
import io.trustyard.trustserver.http.HttpSettings;
import io.trustyard.trustserver.http.TrustHttpServer;
import io.trustyard.trustserver.service.NotaryTrustService;
import io.trustyard.trustserver.storage.InMemoryMetadataStore;
import io.trustyard.trustserver.storage.MetadataStore;
import io.trustyard.trustserver.storage.SqlMetadataStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running trust server: storage, server keys, authentication and the HTTP(S) listener, wired from a config. */
public final class TrustServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrustServer.class);
  /** The passphrase alias our local key store encrypts server keys under, unless NOTARY_SIGNER_DEFAULT_ALIAS says otherwise. */
  static final String DEFAULT_ALIAS = "trustserver";

  private final TrustHttpServer http;
  private final List<AutoCloseable> resources;
  private final Optional<Path> generatedCa;
  private final boolean tls;
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

  private TrustServer(TrustHttpServer http, List<AutoCloseable> resources, Optional<Path> generatedCa, boolean tls) {
    this.http = http;
    this.resources = resources;
    this.generatedCa = generatedCa;
    this.tls = tls;
  }

  public static TrustServer start(TrustServerConfig config, Path dataDir, Map<String, String> env) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Files.createDirectories(dataDir);
      Clock clock = Clock.systemUTC();
      MetadataStore store;
      Optional<Database> database = Optional.empty();
      if (config.storageBackend().equals("memory")) {
        store = new InMemoryMetadataStore(clock);
      } else {
        Database db = Database.open(DatabaseUrl.fromNotary(config.storageBackend(), config.dbUrl()));
        resources.add(db);
        SqlMetadataStore.migrateSchema(db);
        store = new SqlMetadataStore(db, clock);
        database = Optional.of(db);
      }
      KeyService keys = keyService(config, dataDir, env, database, clock);
      resources.add(0, keys);

      Optional<SSLContext> ssl = Optional.empty();
      Optional<Path> generatedCa = Optional.empty();
      if (config.tlsCertFile().isPresent()) {
        ssl = Optional.of(TlsFiles.serverContext(config.tlsCertFile().get(), config.tlsKeyFile().orElseThrow(),
            config.clientCaFile().orElse(null)));
      } else if (!config.plainHttp()) {
        GeneratedTls generated = GeneratedTls.ensure(dataDir.resolve("tls"), List.of("localhost"),
            List.of("127.0.0.1", "::1"), Duration.ofDays(3650));
        ssl = Optional.of(TlsFiles.serverContext(generated.serverCert, generated.serverKey, config.clientCaFile().orElse(null)));
        generatedCa = Optional.of(generated.caCert);
      }

      Authorizer authorizer = config.auth().<Authorizer>map(TokenAuthorizer::fromConfig).orElse(Authorizer.NONE);
      NotaryTrustService service = new NotaryTrustService(store, keys, config.keyAlgorithm(), clock);
      TrustHttpServer http = TrustHttpServer.start(service, authorizer, new HttpSettings(config.host(), config.port(), ssl,
          config.cache(), config.gunPrefixes(), HttpSettings.DEFAULT_MAX_UPLOAD_BYTES));
      LOG.info("trust server listening on {}://{}:{} (storage {}, {} signer)", ssl.isPresent() ? "https" : "http",
          config.host(), http.port(), config.storageBackend(), config.trustType());
      return new TrustServer(http, resources, generatedCa, ssl.isPresent());
    } catch (IOException | RuntimeException e) {
      closeAll(resources);
      if (e instanceof ConfigException ce) {
        throw ce;
      }
      throw new ConfigException("cannot start the trust server: " + e.getMessage(), e);
    }
  }

  private static KeyService keyService(TrustServerConfig config, Path dataDir, Map<String, String> env,
      Optional<Database> database, Clock clock) throws IOException {
    if (config.trustType().equals("remote")) {
      Path ca = config.signerCaFile().orElseThrow(() -> new ConfigException("trust_service.tls_ca_file is required for a remote trust service"));
      ClientTls tls = new ClientTls(ca, config.signerClientCert(), config.signerClientKey(), Optional.empty());
      return RemoteKeyService.connect(config.signerHost(), config.signerPort(), tls, Duration.ofSeconds(10));
    }
    String alias = Optional.ofNullable(env.get("NOTARY_SIGNER_DEFAULT_ALIAS")).filter(s -> !s.isEmpty()).orElse(DEFAULT_ALIAS);
    Passphrases fromEnv = Passphrases.fromEnvironment(env);
    Passphrases passphrases = fromEnv;
    if (fromEnv.forAlias(alias).isEmpty()) {
      // No passphrase given: keep a generated one next to the data (0600) so the keys survive restarts.
      char[] generated = generatedPassphrase(dataDir.resolve("server-keys.passphrase"));
      passphrases = a -> a.equals(alias) ? Optional.of(generated.clone()) : fromEnv.forAlias(a);
      LOG.info("server keys are encrypted with the passphrase in {} (set {} to use your own)",
          dataDir.resolve("server-keys.passphrase"), Passphrases.environmentVariable(alias));
    }
    KeyStore keyStore = database.<KeyStore>map(db -> SqlKeyStore.open(db, clock)).orElseGet(MemoryKeyStore::new);
    return new LocalKeyService(keyStore, passphrases, alias, new SecureRandom(), clock, () -> {});
  }

  private static char[] generatedPassphrase(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String passphrase = HexFormat.of().formatHex(random);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, passphrase + "\n", StandardCharsets.US_ASCII);
    return passphrase.toCharArray();
  }

  public int port() {
    return http.port();
  }

  public boolean tls() {
    return tls;
  }

  /** The CA certificate clients must trust when the server made its own TLS certificate. */
  public Optional<Path> generatedCa() {
    return generatedCa;
  }

  /** Blocks until {@link #close()} has run (or the thread is interrupted). */
  public void awaitTermination() throws InterruptedException {
    closed.await();
  }

  @Override
  public synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    http.close();
    closeAll(resources);
    closed.countDown();
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", r, e);
      }
    }
  }
}
