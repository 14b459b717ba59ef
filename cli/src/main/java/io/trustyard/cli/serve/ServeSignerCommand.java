package io.trustyard.cli.serve;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.trustyard.signer.config.SignerConfig;
import io.trustyard.signer.config.SignerConfigReader;
import io.trustyard.signer.config.SignerRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trustyard serve signer}: the notary-signer compatible gRPC signer. With {@code --config} it
 * runs from a notary-signer JSON config as it is; without, on Trustyard's defaults (127.0.0.1:7899,
 * SQLite and its own CA under the data directory).
 */
@Command(
    name = "signer",
    mixinStandardHelpOptions = true,
    description = {
        "Run the signer: holds the server-managed keys and signs over gRPC with mutual TLS (notary-signer compatible).",
        "Passphrases come from NOTARY_SIGNER_<ALIAS>, as for notary-signer."})
public final class ServeSignerCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "notary-signer JSON config file (signer-config.json)")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "where the defaults keep keys, certificates and passphrase (default: ~/.trustyard/signer)")
  Path dataDir;

  @Option(names = "--listen", paramLabel = "HOST:PORT", description = "listen address (default: 127.0.0.1:7899)")
  String listen;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    SignerConfig settings;
    try {
      settings = config != null
          ? SignerConfigReader.read(config, System.getenv())
          : SignerConfig.defaults(dataDir != null ? dataDir
              : Path.of(System.getProperty("user.home"), ".trustyard", "signer"));
      settings = withListen(settings);
    } catch (IllegalArgumentException | java.io.IOException e) {
      spec.commandLine().getErr().println("trustyard serve signer: " + e.getMessage());
      return 2;
    }
    settings.logLevel().ifPresent(ServeSignerCommand::setLogLevel);
    boolean interrupted = false;
    try (SignerRunner runner = SignerRunner.start(settings, System.getenv(), new SecureRandom(), Clock.systemUTC())) {
      out.println("signer listening on " + (settings.host().isEmpty() ? "*" : settings.host()) + ":" + runner.port());
      runner.pki().ifPresent(pki -> out.println("clients trust " + pki.ca() + " and present " + pki.clientCert()
          + " with " + pki.clientKey()));
      out.flush();
      Thread shutdown = new Thread(runner::close, "signer-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdown);
      try {
        runner.awaitTermination();
      } catch (InterruptedException e) {
        interrupted = true; // asked to stop: the runner closes below, then the flag is restored
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException alreadyShuttingDown) {
          // The hook is closing the runner.
        }
      }
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("trustyard serve signer: " + e.getMessage());
      return 1;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private SignerConfig withListen(SignerConfig c) {
    if (listen == null) {
      return c;
    }
    int colon = listen.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--listen must be HOST:PORT, not '" + listen + "'");
    }
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--listen must be HOST:PORT, not '" + listen + "'");
    }
    return new SignerConfig(listen.substring(0, colon), port, c.tls(), c.backend(), c.dbUrl(), c.defaultAlias(),
        c.logLevel(), c.dataDir());
  }

  /** notary's logging.level names onto our loggers. */
  static void setLogLevel(String notaryLevel) {
    Level level = switch (notaryLevel.toLowerCase(Locale.ROOT)) {
      case "debug" -> Level.DEBUG;
      case "info" -> Level.INFO;
      case "warn", "warning" -> Level.WARN;
      default -> Level.ERROR;
    };
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("io.trustyard").setLevel(level);
    }
  }
}
