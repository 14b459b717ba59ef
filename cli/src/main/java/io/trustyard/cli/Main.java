package io.trustyard.cli;

import io.trustyard.cli.image.ImageCommand;
import io.trustyard.cli.image.LoginCommand;
import io.trustyard.cli.image.LogoutCommand;
import io.trustyard.cli.notary.NotaryCommand;
import io.trustyard.cli.sandbox.SandboxCommand;
import io.trustyard.cli.serve.ServeCommand;
import io.trustyard.cli.trust.TrustCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trustyard} command: the client, the servers and the sandbox in one program. */
@Command(
    name = "trustyard",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Docker Content Trust without a Docker daemon: registry, trust server, signer and client.",
    subcommands = {CommandLine.HelpCommand.class, ServeCommand.class, ImageCommand.class, LoginCommand.class,
        LogoutCommand.class, NotaryCommand.class, TrustCommand.class, SandboxCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"trustyard " + (version == null ? "development build" : version)};
    }
  }
}
