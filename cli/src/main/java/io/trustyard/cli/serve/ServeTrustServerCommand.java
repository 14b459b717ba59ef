package io.trustyard.cli.serve;

import io.trustyard.signer.config.ListenAddress;
import io.trustyard.trustserver.TrustServer;
import io.trustyard.trustserver.config.ConfigException;
import io.trustyard.trustserver.config.NotaryServerConfigFile;
import io.trustyard.trustserver.config.TrustServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
  @Mixin ServiceOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path data = options.dataDir();
    TrustServerConfig settings;
    try {
      settings = options.config != null ? NotaryServerConfigFile.read(options.config, System.getenv())
          : TrustServerConfig.defaults(data);
      if (options.listen().isPresent()) {
        ListenAddress listen = options.listen().get();
        settings = settings.withListen(listen.bindHost(), listen.port());
      }
    } catch (ConfigException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("trustyard serve trust-server: " + e.getMessage());
      return 2;
    }
    TrustServerConfig config = settings;
    return Foreground.serve("trust-server", spec.commandLine().getErr(),
        () -> TrustServer.start(config, data, System.getenv()),
        server -> {
          out.println("trust server listening on " + (server.tls() ? "https" : "http") + "://" + config.host() + ":"
              + server.port());
          server.generatedCa().ifPresent(ca -> out.println("clients trust " + ca));
          out.flush();
        },
        TrustServer::awaitTermination);
  }
}
