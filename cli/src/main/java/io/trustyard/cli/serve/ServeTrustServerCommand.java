package io.trustyard.cli.serve;

import io.trustyard.trustserver.TrustServer;
import io.trustyard.trustserver.config.ConfigException;
import io.trustyard.trustserver.config.NotaryServerConfigFile;
import io.trustyard.trustserver.config.TrustServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trustyard serve trust-server}: the Notary-compatible trust server. With {@code --config}
 * it runs from a notary-server JSON config as it is; without, on Trustyard's defaults (TLS on
 * 127.0.0.1:4443 with a generated CA, SQLite and a local signer under the data directory).
 */
@Command(
    name = "trust-server",
    mixinStandardHelpOptions = true,
    description = {
        "Run the trust server: stores TUF metadata per repository and signs timestamps (notary-server compatible).",
        "Server keys are kept by a local signer (encrypted, passphrase from NOTARY_SIGNER_<ALIAS>) or a remote one."})
public final class ServeTrustServerCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "notary-server JSON config file (server-config.json)")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "where the defaults keep the database, keys and certificates (default: ~/.trustyard/trust-server)")
  Path dataDir;

  @Option(names = "--listen", paramLabel = "HOST:PORT", description = "listen address (default: 127.0.0.1:4443)")
  String listen;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path data = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".trustyard", "trust-server");
    TrustServerConfig settings;
    try {
      settings = config != null ? NotaryServerConfigFile.read(config, System.getenv()) : TrustServerConfig.defaults(data);
      if (listen != null) {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
          throw new ConfigException("--listen must be HOST:PORT, not '" + listen + "'");
        }
        try {
          settings = settings.withListen(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
        } catch (NumberFormatException e) {
          throw new ConfigException("--listen must be HOST:PORT, not '" + listen + "'");
        }
      }
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("trustyard serve trust-server: " + e.getMessage());
      return 2;
    }
    boolean interrupted = false;
    try (TrustServer server = TrustServer.start(settings, data, System.getenv())) {
      out.println("trust server listening on " + (server.tls() ? "https" : "http") + "://" + settings.host() + ":" + server.port());
      server.generatedCa().ifPresent(ca -> out.println("clients trust " + ca));
      out.flush();
      Thread shutdown = new Thread(server::close, "trust-server-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdown);
      try {
        server.awaitTermination();
      } catch (InterruptedException e) {
        interrupted = true;
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException alreadyShuttingDown) {
          // The hook is closing the server.
        }
      }
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("trustyard serve trust-server: " + e.getMessage());
      return 1;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
