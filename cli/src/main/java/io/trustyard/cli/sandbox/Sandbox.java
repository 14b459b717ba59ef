package io.trustyard.cli.sandbox;

import io.trustyard.client.store.ImageStore;
import io.trustyard.registry.Registry;
import io.trustyard.registry.config.RegistryConfig;
import io.trustyard.signer.config.ListenAddress;
import io.trustyard.signer.config.SignerConfig;
import io.trustyard.signer.config.SignerRunner;
import io.trustyard.trustserver.TrustServer;
import io.trustyard.trustserver.config.TrustServerConfig;
import io.trustyard.trustserver.http.CacheSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in this process: the signer (gRPC, mutual TLS), the trust server (HTTPS, its
 * timestamp and snapshot keys held by that signer), the registry (plain HTTP, with its token
 * endpoint), all on SQLite files and the filesystem under one data directory, with one local CA.
 */
public final class Sandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
  static final String REGISTRY_SERVICE = "trustyard-sandbox-registry";
  static final String TOKEN_ISSUER = "trustyard-sandbox-token-issuer";

  private final SandboxSettings settings;
  private final List<AutoCloseable> running;
  private final CountDownLatch closed = new CountDownLatch(1);

  private Sandbox(SandboxSettings settings, List<AutoCloseable> running) {
    this.settings = settings;
    this.running = running;
  }

  /**
   * Starts every service; a taken port fails with {@link PortInUseException} before anything starts.
   * The services start side by side (most of a start is loading classes and opening databases, and
   * the trust server reaches the signer only on its first request), so the sandbox is up as soon as
   * the slowest of them.
   */
  public static Sandbox start(SandboxSettings s, Map<String, String> env) {
    Ports.requireFree(s);
    List<AutoCloseable> running = new ArrayList<>();
    ExecutorService starter = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "sandbox-start");
      t.setDaemon(true);
      return t;
    });
    try {
      SandboxFiles.prepare(s);
      SandboxPki pki = SandboxPki.ensure(s.dataDir(), new SecureRandom(), Clock.systemUTC().instant());
      Future<SignerRunner> signer = starter.submit(() ->
          SignerRunner.start(signerConfig(s, pki), env, new SecureRandom(), Clock.systemUTC()));
      Future<TrustServer> trustServer = starter.submit(() -> TrustServer.start(trustServerConfig(s, pki,
          s.signerPort() != 0 ? s.signerPort() : signer.get().port()), s.dataDir().resolve("trust-server"), env));
      Future<Registry> registry = starter.submit(() -> Registry.start(registryConfig(s, pki)));
      Future<?> demo = starter.submit(() -> {
        DemoImage.preloadOnce(ImageStore.open(s.imageStore()));
        return null;
      });
      // Every start is waited for, so that a failure of one still closes the others.
      Exception failure = null;
      for (Future<?> service : List.of(signer, trustServer, registry, demo)) {
        try {
          if (service.get() instanceof AutoCloseable started) {
            running.add(0, started);
          }
        } catch (ExecutionException e) {
          failure = failure != null ? failure : e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      if (failure != null) {
        throw failure;
      }
      SandboxFiles.writeClientFiles(s, pki);
      LOG.info("sandbox ready in {}", s.dataDir());
      return new Sandbox(s, running);
    } catch (RuntimeException | Error e) {
      closeAll(running);
      if (Ports.isBindFailure(e)) {
        throw new IllegalStateException("a port was taken while the sandbox started: " + e.getMessage(), e);
      }
      throw e;
    } catch (Exception e) {
      closeAll(running);
      throw new IllegalStateException("cannot start the sandbox: " + e.getMessage(), e);
    } finally {
      starter.shutdownNow();
    }
  }

  static SignerConfig signerConfig(SandboxSettings s, SandboxPki pki) {
    Path dir = s.dataDir().resolve("signer");
    return new SignerConfig(SandboxSettings.HOST, s.signerPort(),
        Optional.of(new SignerConfig.TlsFiles(pki.signerCert(), pki.signerKey(), Optional.of(pki.rootCa()))),
        "sqlite3", Optional.of(dir.resolve("signer.db").toString()), SignerConfig.DEFAULT_ALIAS, Optional.empty(),
        Optional.of(dir), Optional.of(new ListenAddress(SandboxSettings.HOST, s.signerHttpPort())));
  }

  static TrustServerConfig trustServerConfig(SandboxSettings s, SandboxPki pki, int signerPort) {
    return new TrustServerConfig(SandboxSettings.HOST, s.trustServerPort(), Optional.of(pki.serverCert()),
        Optional.of(pki.serverKey()), Optional.empty(), "remote", "localhost", signerPort, "ecdsa",
        Optional.of(pki.rootCa()), Optional.of(pki.clientCert()), Optional.of(pki.clientKey()), "sqlite3",
        s.dataDir().resolve("trust-server/trust-server.db").toString(), Optional.empty(), CacheSettings.DEFAULT,
        List.of(), false);
  }

  static RegistryConfig registryConfig(SandboxSettings s, SandboxPki pki) {
    // Anyone on this machine may pull and push, as with the seeds' open sandbox registry, but
    // through the token flow a real deployment uses.
    RegistryConfig.Auth auth = new RegistryConfig.Auth("token", s.registryUrl() + "/token", REGISTRY_SERVICE,
        TOKEN_ISSUER, null, pki.tokenCert().toString(), pki.tokenKey().toString(), List.of("pull", "push", "delete"),
        300);
    return RegistryConfig.defaults().withHost(SandboxSettings.HOST).withPort(s.registryPort())
        .withFilesystemRoot(s.registryRoot()).withAuth(auth);
  }

  public SandboxSettings settings() {
    return settings;
  }

  public void awaitTermination() throws InterruptedException {
    closed.await();
  }

  @Override
  public synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    closeAll(running);
    closed.countDown();
  }

  private static void closeAll(List<AutoCloseable> services) {
    for (AutoCloseable service : services) {
      try {
        service.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", service.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
