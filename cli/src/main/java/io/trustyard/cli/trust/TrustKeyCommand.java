package io.trustyard.cli.trust;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "key", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Manage keys for signing images.",
    subcommands = {TrustKeyGenerateCommand.class, TrustKeyLoadCommand.class})
final class TrustKeyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
