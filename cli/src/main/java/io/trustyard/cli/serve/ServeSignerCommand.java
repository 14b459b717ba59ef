package io.trustyard.cli.serve;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.trustyard.signer.config.SignerConfig;
import io.trustyard.signer.config.SignerConfigReader;
import io.trustyard.signer.config.SignerRunner;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
  @Mixin ServiceOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SignerConfig settings;
    try {
      settings = options.config != null
          ? SignerConfigReader.read(options.config, System.getenv())
          : SignerConfig.defaults(options.dataDir());
      settings = options.listen().map(settings::withGrpc).orElse(settings);
    } catch (IllegalArgumentException | java.io.IOException e) {
      spec.commandLine().getErr().println("trustyard serve signer: " + e.getMessage());
      return 2;
    }
    settings.logLevel().ifPresent(ServeSignerCommand::setLogLevel);
    SignerConfig config = settings;
    return Foreground.serve("signer", spec.commandLine().getErr(),
        () -> SignerRunner.start(config, System.getenv(), new SecureRandom(), Clock.systemUTC()),
        runner -> {
          out.println("signer listening on " + (config.host().isEmpty() ? "*" : config.host()) + ":" + runner.port());
          runner.httpPort().ifPresent(port -> out.println("signer health and metrics on http://"
              + config.http().orElseThrow().displayHost() + ":" + port + "/health and /metrics"));
          runner.pki().ifPresent(pki -> out.println("clients trust " + pki.ca() + " and present " + pki.clientCert()
              + " with " + pki.clientKey()));
          out.flush();
        },
        SignerRunner::awaitTermination);
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
