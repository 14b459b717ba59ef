package io.trustyard.cli.sandbox;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code trustyard sandbox [up|down|status]}: the whole system on this machine in one command,
 * for playing with content trust (the seeds' trust sandbox, without Docker). Plain
 * {@code sandbox} is {@code sandbox up}.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = "Start the whole system locally: signer, trust server, registry and token service, on SQLite and"
        + " the filesystem under one data directory, with its own CA. Ctrl-C stops it; state survives a restart.",
    subcommands = {SandboxUpCommand.class, SandboxDownCommand.class, SandboxStatusCommand.class,
        SandboxCertsCommand.class})
public final class SandboxCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin UpOptions options;

  @Override
  public Integer call() {
    return SandboxUpCommand.up(options, spec.commandLine().getOut(), spec.commandLine().getErr(), System.getenv());
  }
}
