package io.trustyard.cli.trust;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "signer", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Manage entities who can sign images.",
    subcommands = {TrustSignerAddCommand.class, TrustSignerRemoveCommand.class})
final class TrustSignerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
