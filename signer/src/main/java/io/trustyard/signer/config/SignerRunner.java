package io.trustyard.signer.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.grpc.ServerTls;
import io.trustyard.signer.grpc.SignerServer;
import io.trustyard.signer.http.SignerHttpServer;
import io.trustyard.signer.keys.KeyStore;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import io.trustyard.signer.keys.SqlKeyStore;
import io.trustyard.store.Database;
import io.trustyard.store.DatabaseUrl;
import io.trustyard.store.metrics.ServiceMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running signer made from a {@link SignerConfig}: storage, key service, gRPC server and, with
 * {@code server.http_addr}, the HTTP listener for health and metrics.
 */
public final class SignerRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SignerRunner.class);
  /** notary-signer's memory backend encrypts under a constant; keys die with the process anyway. */
  static final String MEMORY_PASSPHRASE = "memory-db-ignore";

  private final KeyService keys;
  private final SignerServer server;
  private final Optional<SignerHttpServer> http;
  private final Optional<LocalPki> pki;

  private SignerRunner(KeyService keys, SignerServer server, Optional<SignerHttpServer> http, Optional<LocalPki> pki) {
    this.keys = keys;
    this.server = server;
    this.http = http;
    this.pki = pki;
  }

  public static SignerRunner start(SignerConfig config, Map<String, String> env, SecureRandom random, Clock clock) {
    Optional<LocalPki> pki = Optional.empty();
    ServerTls tls;
    if (config.tls().isPresent()) {
      SignerConfig.TlsFiles files = config.tls().get();
      tls = new ServerTls(files.certChain(), files.privateKey(), files.clientCa());
    } else {
      Path dataDir = config.dataDir().orElseThrow(() -> new IllegalArgumentException("no TLS files and no data directory"));
      createPrivateDirectory(dataDir);
      LocalPki made = LocalPki.ensure(dataDir.resolve("tls"), random, clock);
      pki = Optional.of(made);
      tls = new ServerTls(made.signerCert(), made.signerKey(), Optional.of(made.ca()));
    }
    LocalKeyService keys = keyService(config, env, random, clock);
    PrometheusMeterRegistry metrics = ServiceMetrics.create();
    for (KeyType type : List.of(KeyType.ECDSA, KeyType.ED25519, KeyType.RSA)) {
      Gauge.builder("trustyard_signer_keys", keys, k -> k.countByAlgorithm().getOrDefault(type.wireName(), 0L))
          .description("keys held (not deleted), by algorithm")
          .tag("algorithm", type.wireName())
          .register(metrics);
    }
    SignerServer server = null;
    try {
      server = SignerServer.start(keys, new InetSocketAddress(config.host().isEmpty() ? "0.0.0.0" : config.host(),
          config.port()), tls, SignerServer.DEFAULT_HEALTH_INTERVAL, metrics);
      Optional<SignerHttpServer> http = Optional.empty();
      if (config.http().isPresent()) {
        http = Optional.of(SignerHttpServer.start(config.http().get(), keys::healthy, metrics));
        LOG.info("signer health and metrics on http://{}:{}/health and /metrics", config.http().get().displayHost(),
            http.get().port());
      }
      return new SignerRunner(keys, server, http, pki);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      keys.close();
      throw e;
    }
  }

  static LocalKeyService keyService(SignerConfig config, Map<String, String> env, SecureRandom random, Clock clock) {
    if (config.backend().equals("memory")) {
      LOG.warn("memory storage: keys are lost when the signer stops");
      return new LocalKeyService(new MemoryKeyStore(), Passphrases.constant(MEMORY_PASSPHRASE), config.defaultAlias(),
          random, clock, () -> { });
    }
    Database db = Database.open(DatabaseUrl.fromNotary(config.backend(), config.dbUrl().orElseThrow()));
    try {
      KeyStore store = SqlKeyStore.open(db, clock);
      Passphrases passphrases = Passphrases.fromEnvironment(env);
      if (config.dataDir().isPresent() && passphrases.forAlias(config.defaultAlias()).isEmpty()) {
        passphrases = withFileFallback(passphrases, config.defaultAlias(), config.dataDir().get(), random);
      }
      return new LocalKeyService(store, passphrases, config.defaultAlias(), random, clock, db::close);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Trustyard's defaults must start without any setup: when the default alias has no passphrase in
   * the environment, one is generated once into a 0600 file next to the database. The keys are then
   * only as safe as that file; production setups set {@code NOTARY_SIGNER_<ALIAS>}.
   */
  private static Passphrases withFileFallback(Passphrases env, String alias, Path dataDir, SecureRandom random) {
    Path file = dataDir.resolve("passphrase-" + alias);
    try {
      if (!Files.exists(file)) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Files.createDirectories(dataDir);
        LocalPki.writePrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
      }
      if (Files.size(file) > 4096) {
        throw new IllegalStateException(file + " is too large to be a passphrase file");
      }
      String passphrase = Files.readString(file, StandardCharsets.UTF_8).strip();
      LOG.warn("no {} in the environment: keys are encrypted under the passphrase in {}",
          Passphrases.environmentVariable(alias), file);
      return a -> a.equals(alias) ? Optional.of(passphrase.toCharArray()) : env.forAlias(a);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the passphrase file " + file, e);
    }
  }

  /** The data directory holds keys, their passphrase and the CA key: owner only. */
  private static void createPrivateDirectory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
      }
    } catch (UnsupportedOperationException e) {
      createDirectoriesPlain(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }

  private static void createDirectoriesPlain(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }

  public KeyService keys() {
    return keys;
  }

  public int port() {
    return server.port();
  }

  /** The port of the health and metrics listener, when {@code server.http_addr} asks for one. */
  public Optional<Integer> httpPort() {
    return http.map(SignerHttpServer::port);
  }

  /** The TLS files made for Trustyard's defaults (clients need the CA and the client pair). */
  public Optional<LocalPki> pki() {
    return pki;
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    http.ifPresent(SignerHttpServer::close);
    server.close();
    keys.close();
  }
}
