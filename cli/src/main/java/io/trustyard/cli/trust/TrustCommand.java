package io.trustyard.cli.trust;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trustyard trust}: what {@code docker trust} did, without a Docker daemon. */
@Command(name = "trust", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Manage trust on images (docker trust's commands, arguments and outputs).",
    subcommands = {TrustInspectCommand.class, TrustSignCommand.class, TrustRevokeCommand.class,
        TrustKeyCommand.class, TrustSignerCommand.class})
public final class TrustCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
