package io.trustyard.cli.notary;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary publish <gun>}: applies the staged changes, signs with the trust dir's keys and
 * uploads; a GUN the server does not know yet is initialised first (local snapshot key, as notary).
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Publishes the local trusted collection.")
final class PublishCommand implements Callable<Integer>, NotaryUsageErrors.MissingArguments {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;

  @Override
  public String missingArguments() {
    return "Must specify a GUN";
  }

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      notary.publish(spec, "Pushing changes to " + gun + "\n", gun);
      return 0;
    });
  }
}
