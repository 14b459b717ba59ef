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
import io.trustyard.trustserver.auth.Authorizer;
import io.trustyard.trustserver.config.GeneratedTls;
import io.trustyard.trustserver.config.TlsFiles;
import io.trustyard.trustserver.http.CacheSettings;
import io.trustyard.trustserver.http.HttpSettings;
import io.trustyard.trustserver.http.TrustHttpServer;
import io.trustyard.trustserver.service.NotaryTrustService;
import io.trustyard.trustserver.storage.InMemoryMetadataStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Our registry (plain HTTP on loopback) and our trust server (TLS from a test CA), in this process. */
public final class OurStack implements AutoCloseable {
  final Path registryRoot;
  final RegistryHttpServer registry;
  public final TrustHttpServer trust;
  public final Path caCert;

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
        new SecureRandom(), Clock.systemUTC(), () -> {});
    NotaryTrustService service = new NotaryTrustService(new InMemoryMetadataStore(Clock.systemUTC()), keys, "ecdsa",
        Clock.systemUTC());
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

  @Override
  public void close() {
    trust.close();
    registry.close();
  }
}
