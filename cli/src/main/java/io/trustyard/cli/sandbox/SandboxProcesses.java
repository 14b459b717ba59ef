package io.trustyard.cli.sandbox;

import io.trustyard.signer.config.LocalPki;
import io.trustyard.client.store.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-process mode: the signer, the trust server and the registry each as its own OS process,
 * each from its own config file, the very files {@code deploy/compose.yaml} mounts
 * ({@code deploy/signer.json}, {@code server.json}, {@code registry.json}, copied into
 * {@code <data>/deploy} next to a {@code certs/} directory as in the containers). What differs
 * from compose is given the way a deployment overrides it: notary's {@code NOTARY_*} environment
 * variables (the signer's address; SQLite under the data directory instead of PostgreSQL, unless
 * the caller's environment names the databases, as compose does, with
 * {@code NOTARY_SIGNER_STORAGE_DB_URL} and {@code NOTARY_SERVER_STORAGE_DB_URL}) and the listen
 * flags. The data is the single-process sandbox's: either mode picks up the other's.
 */
final class SandboxProcesses implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxProcesses.class);
  static final List<String> CONFIGS = List.of("signer.json", "server.json", "registry.json");
  private static final long READY_SECONDS = 180;

  private final List<ServiceProcess> services;

  private SandboxProcesses(List<ServiceProcess> services) {
    this.services = services;
  }

  static SandboxProcesses start(SandboxSettings s, Map<String, String> env) throws Exception {
    return start(s, env, System.err);
  }

  static SandboxProcesses start(SandboxSettings s, Map<String, String> env, PrintStream log) throws Exception {
    Ports.requireFree(s);
    SandboxFiles.prepare(s);
    SandboxPki pki = SandboxPki.ensure(s.dataDir(), new SecureRandom(), Clock.systemUTC().instant());
    Path deploy = deployDir(s, pki);
    Path data = s.dataDir();
    List<ServiceProcess> started = new ArrayList<>();
    try {
      Map<String, String> signerEnv = notaryEnvironment("NOTARY_SIGNER_", env, data.resolve("signer/signer.db"));
      signerEnv.put("NOTARY_SIGNER_SERVER_HTTP_ADDR", SandboxSettings.HOST + ":" + s.signerHttpPort());
      if (env.get("NOTARY_SIGNER_TIMESTAMP_1") == null) {
        signerEnv.put("NOTARY_SIGNER_TIMESTAMP_1", signerPassphrase(data.resolve("signer")));
      }
      started.add(ServiceProcess.start("signer", List.of("serve", "signer", "--config",
          deploy.resolve("signer.json").toString(), "--listen", SandboxSettings.HOST + ":" + s.signerPort()),
          signerEnv, data, "signer listening on", log));
      // The trust server reaches the signer only on its first request: all three start at once.

      Map<String, String> serverEnv = notaryEnvironment("NOTARY_SERVER_", env,
          data.resolve("trust-server/trust-server.db"));
      serverEnv.put("NOTARY_SERVER_TRUST_SERVICE_HOSTNAME", "localhost");
      serverEnv.put("NOTARY_SERVER_TRUST_SERVICE_PORT", Integer.toString(s.signerPort()));
      started.add(ServiceProcess.start("trust-server", List.of("serve", "trust-server", "--config",
          deploy.resolve("server.json").toString(), "--listen", SandboxSettings.HOST + ":" + s.trustServerPort(),
          "--data-dir", data.resolve("trust-server").toString()), serverEnv, data, "trust server listening on", log));

      started.add(ServiceProcess.start("registry", List.of("serve", "registry", "--config",
          deploy.resolve("registry.json").toString(), "--host", SandboxSettings.HOST, "--port",
          Integer.toString(s.registryPort()), "--root", s.registryRoot().toString(), "--token-realm",
          s.registryUrl() + "/token"), Map.of(), data, "registry listening on", log));
      DemoImage.preloadOnce(ImageStore.open(s.imageStore()));
      for (ServiceProcess p : started) {
        p.awaitReady(READY_SECONDS);
      }
      SandboxFiles.writeClientFiles(s, pki);
      LOG.info("sandbox ready in {} (processes {})", data, started.stream().map(ServiceProcess::pid).toList());
      return new SandboxProcesses(started);
    } catch (Exception | Error e) {
      stop(started);
      throw e;
    }
  }

  /**
   * A service's {@code NOTARY_<SERVICE>_*} variables from the caller's environment, and its
   * database: the one {@code <prefix>STORAGE_DB_URL} names (with the config file's backend, as in
   * compose), else a SQLite file under the data directory.
   */
  static Map<String, String> notaryEnvironment(String prefix, Map<String, String> env, Path sqliteFile) {
    Map<String, String> out = new HashMap<>();
    env.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        out.put(name, value);
      }
    });
    if (out.get(prefix + "STORAGE_DB_URL") == null || out.get(prefix + "STORAGE_DB_URL").isBlank()) {
      out.put(prefix + "STORAGE_BACKEND", "sqlite3");
      out.put(prefix + "STORAGE_DB_URL", sqliteFile.toString());
    }
    return out;
  }

  /** {@code <data>/deploy}: the deploy configs as shipped, and {@code certs/} with the sandbox's CA and certificates. */
  static Path deployDir(SandboxSettings s, SandboxPki pki) throws IOException {
    Path deploy = Files.createDirectories(s.dataDir().resolve("deploy"));
    for (String config : CONFIGS) {
      try (InputStream in = SandboxProcesses.class.getResourceAsStream("deploy/" + config)) {
        if (in == null) {
          throw new IllegalStateException("this build lacks deploy/" + config);
        }
        Files.copy(in, deploy.resolve(config), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    SandboxPki certs = SandboxPki.flat(Files.createDirectories(deploy.resolve("certs")));
    List<Path> from = pki.files();
    List<Path> to = certs.files();
    for (int i = 0; i < from.size(); i++) {
      if (to.get(i).getFileName().toString().endsWith(".key")) {
        LocalPki.writePrivate(to.get(i), Files.readString(from.get(i)));
      } else {
        Files.copy(from.get(i), to.get(i), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return deploy;
  }

  /**
   * The signer's key passphrase: the file the single-process sandbox's signer keeps (made here
   * if missing, 0600), handed to the signer process as notary-signer takes it, in the environment.
   */
  private static String signerPassphrase(Path signerDir) throws IOException {
    Path file = signerDir.resolve("passphrase-timestamp_1");
    if (!Files.exists(file)) {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      LocalPki.writePrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
    if (Files.size(file) > 4096) {
      throw new IllegalStateException(file + " is too large to be a passphrase file");
    }
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }

  List<Long> pids() {
    return services.stream().map(ServiceProcess::pid).toList();
  }

  @Override
  public void close() {
    stop(services);
  }

  private static void stop(List<ServiceProcess> services) {
    for (int i = services.size() - 1; i >= 0; i--) {
      try {
        services.get(i).close();
      } catch (RuntimeException e) {
        LOG.warn("stopping a service failed: {}", e.toString());
      }
    }
  }
}
