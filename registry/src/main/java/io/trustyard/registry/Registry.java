package io.trustyard.registry;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trustyard.registry.auth.AccessControllers;
import io.trustyard.registry.config.RegistryConfig;
import io.trustyard.registry.config.TlsFilesLoader;
import io.trustyard.registry.http.RegistryHttpServer;
import io.trustyard.registry.service.RegistryServices;
import io.trustyard.registry.storage.FilesystemDriver;
import io.trustyard.registry.storage.StorageDriver;
import io.trustyard.store.metrics.ServiceMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running registry: storage, services, access control, HTTP server and the upload purger. */
public final class Registry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

  private final RegistryConfig config;
  private final RegistryServices services;
  private final RegistryHttpServer server;
  private final ScheduledExecutorService purger;
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

  private Registry(RegistryConfig config, RegistryServices services, RegistryHttpServer server,
      ScheduledExecutorService purger) {
    this.config = config;
    this.services = services;
    this.server = server;
    this.purger = purger;
  }

  /** Starts a registry as configured; port 0 picks a free port. */
  public static Registry start(RegistryConfig config) throws Exception {
    StorageDriver storage = storage(config.storage());
    PrometheusMeterRegistry metrics = ServiceMetrics.create();
    RegistryServices services = RegistryServices.create(storage, metrics, Clock.systemUTC(), config.strictDigests(),
        config.deleteEnabled());
    AccessControllers.Setup auth = AccessControllers.from(config.auth(), Clock.systemUTC());
    SSLContext tls = config.tls() == null ? null : TlsFilesLoader.load(config.tls());
    RegistryHttpServer server = new RegistryHttpServer(config.host(), config.port(), tls, services, auth.controller(),
        metrics, auth.routes());
    ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "registry-upload-purger");
      t.setDaemon(true);
      return t;
    });
    Duration maxAge = Duration.ofHours(config.uploadPurging().maxAgeHours());
    long interval = Math.max(1, config.uploadPurging().intervalHours());
    purger.scheduleWithFixedDelay(() -> purgeUploads(services, maxAge), 1, interval * 60, TimeUnit.MINUTES);
    LOG.info("registry listening on {}:{} ({}), storage {}, auth {}", config.host(), server.port(),
        tls == null ? "http" : "https", storage.name(), config.auth().type());
    return new Registry(config, services, server, purger);
  }

  public static StorageDriver storage(RegistryConfig.Storage s) throws Exception {
    String type = s.type() == null ? "filesystem" : s.type();
    return switch (type) {
      case "filesystem" -> new FilesystemDriver(Path.of(s.root()));
      case "s3" -> {
        if (s.bucket() == null) {
          throw new IllegalArgumentException("storage.bucket is required for s3 storage");
        }
        yield new io.trustyard.registry.storage.S3Driver(io.trustyard.registry.storage.S3Driver.client(s.region(),
            s.endpoint(), s.accessKey(), s.secretKey(), s.pathStyle() != null && s.pathStyle()), s.bucket(),
            s.prefix());
      }
      default -> throw new IllegalArgumentException("unknown storage type '" + type + "' (filesystem, s3)");
    };
  }

  /** Removes abandoned upload sessions of every repository; returns how many. */
  public static int purgeUploads(RegistryServices services, Duration maxAge) {
    int purged = 0;
    try {
      for (String repo : services.catalog().repositories()) {
        purged += services.uploads().purge(repo, maxAge);
      }
      if (purged > 0) {
        LOG.info("purged {} abandoned uploads older than {}", purged, maxAge);
      }
    } catch (RuntimeException e) {
      LOG.warn("upload purge failed: {}", e.toString());
    }
    return purged;
  }

  public int port() {
    return server.port();
  }

  public RegistryConfig config() {
    return config;
  }

  public RegistryServices services() {
    return services;
  }

  @Override
  public void close() {
    purger.shutdownNow();
    server.close();
    closed.countDown();
  }

  /** Blocks until {@link #close()} has run (or the thread is interrupted). */
  public void awaitTermination() throws InterruptedException {
    closed.await();
  }
}
