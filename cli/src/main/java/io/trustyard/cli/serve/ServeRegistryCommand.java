package io.trustyard.cli.serve;

import io.trustyard.registry.Registry;
import io.trustyard.registry.config.RegistryConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustyard serve registry [--config FILE]}. */
@Command(name = "registry", mixinStandardHelpOptions = true, subcommands = {RegistryGcCommand.class},
    description = "Run the OCI registry (distribution-compatible storage; port 5000 by default).")
public final class ServeRegistryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration file.")
  Path config;

  @Option(names = "--port", description = "Listen on this port (overrides the file; 0 picks a free port).")
  Integer port;

  @Option(names = "--host", description = "Listen on this address (overrides the file).")
  String host;

  @Option(names = "--root", paramLabel = "DIR", description = "Filesystem storage root (overrides the file).")
  Path root;

  @Option(names = "--token-realm", paramLabel = "URL",
      description = "Token auth realm (overrides the file's auth.realm), e.g. when the port differs from the file's.")
  String tokenRealm;

  @Override
  public Integer call() throws Exception {
    RegistryConfig c = config == null ? RegistryConfig.defaults().resolvedAgainst(Path.of("").toAbsolutePath())
        : RegistryConfig.read(config);
    if (port != null) {
      c = c.withPort(port);
    }
    if (host != null) {
      c = c.withHost(host);
    }
    if (root != null) {
      c = c.withFilesystemRoot(root.toAbsolutePath());
    }
    if (tokenRealm != null) {
      RegistryConfig.Auth a = c.auth();
      c = c.withAuth(new RegistryConfig.Auth(a.type(), tokenRealm, a.service(), a.issuer(), a.htpasswd(), a.publicKey(),
          a.signingKey(), a.anonymousActions(), a.tokenSeconds()));
    }
    RegistryConfig settings = c;
    PrintWriter out = spec.commandLine().getOut();
    return Foreground.serve("registry", spec.commandLine().getErr(), () -> Registry.start(settings), registry -> {
      out.println("registry listening on port " + registry.port());
      out.flush();
    }, Registry::awaitTermination);
  }
}
