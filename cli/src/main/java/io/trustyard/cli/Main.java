package io.trustyard.cli;

import io.trustyard.cli.image.ImageCommand;
import io.trustyard.cli.image.LoginCommand;
import io.trustyard.cli.image.LogoutCommand;
import io.trustyard.cli.notary.NotaryCommand;
import io.trustyard.cli.sandbox.SandboxCommand;
import io.trustyard.cli.serve.ServeCommand;
import io.trustyard.cli.trust.TrustCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trustyard} command: the client, the servers and the sandbox in one program. */
@Command(
    name = "trustyard",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Docker Content Trust without a Docker daemon: registry, trust server, signer and client.")
public final class Main implements Runnable {

  /**
   * The top-level commands, in the order help lists them, {@code help} first. Registered here
   * rather than in the annotation so that {@link #main} can build only the one a command line names.
   */
  static final List<Class<?>> COMMANDS = List.of(CommandLine.HelpCommand.class, ServeCommand.class,
      ImageCommand.class, LoginCommand.class, LogoutCommand.class, NotaryCommand.class, TrustCommand.class,
      SandboxCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Helidon logs through java.util.logging in a second, unstructured format; its INFO lines (sockets
   * bound, features, channels started) repeat what each service's own listening line says. Kept
   * here so the level is not lost with a collected logger.
   */
  private static final java.util.logging.Logger HELIDON_LOG = java.util.logging.Logger.getLogger("io.helidon");

  public static void main(String[] args) {
    HELIDON_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(newCommandLine(args).execute(args));
  }

  /** The configured command line with every command, shared by {@link #main} and the tests. */
  public static CommandLine newCommandLine() {
    return configure(COMMANDS);
  }

  /**
   * The command line for {@code args}: when they start with a command's name, only that command is
   * built. picocli instantiates and introspects every command it is given, and the client, server
   * and sandbox commands pull in different libraries; a script calling {@code trustyard notary list}
   * in a loop should not pay for loading the servers' classes each time. Anything else (no
   * command, an option first, {@code help}, an unknown word) gets every command, so help and
   * errors stay whole.
   */
  public static CommandLine newCommandLine(String[] args) {
    if (args.length > 0) {
      for (Class<?> command : COMMANDS.subList(1, COMMANDS.size())) {
        Command annotation = command.getAnnotation(Command.class);
        if (annotation.name().equals(args[0]) || List.of(annotation.aliases()).contains(args[0])) {
          return configure(List.of(command));
        }
      }
    }
    return newCommandLine();
  }

  private static CommandLine configure(List<Class<?>> commands) {
    CommandLine cli = new CommandLine(new Main());
    commands.forEach(cli::addSubcommand);
    // Applies to the subcommands added so far, so it comes last.
    return NotaryCommand.reportUsageErrors(cli.setCaseInsensitiveEnumValuesAllowed(true));
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
