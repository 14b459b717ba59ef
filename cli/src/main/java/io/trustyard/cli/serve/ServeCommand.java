package io.trustyard.cli.serve;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trustyard serve <server>}: runs one of Trustyard's servers in the foreground. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run a Trustyard server in the foreground.",
    subcommands = {ServeSignerCommand.class, ServeTrustServerCommand.class, ServeRegistryCommand.class})
public final class ServeCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
