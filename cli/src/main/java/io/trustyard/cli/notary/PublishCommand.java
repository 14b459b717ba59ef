package io.trustyard.cli.notary;

import io.trustyard.client.notary.NotaryRepository;
import java.io.PrintWriter;
import java.util.List;
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
      publishAndPrint(spec, notary, gun);
      return 0;
    });
  }

  static void publishAndPrint(CommandLine.Model.CommandSpec spec, NotaryCommand notary, String gun) {
    PrintWriter out = spec.commandLine().getOut();
    out.print("Pushing changes to " + gun + "\n");
    out.flush();
    notary.repository(gun).publish(List.of(), NotaryRepository.Creation.NOTARY);
    out.print("Successfully published changes for repository " + gun + "\n");
    out.flush();
  }

  /**
   * {@code -p} of the staging commands: publish what was just staged (and anything staged before),
   * printed as notary prints an auto-publish (no "Pushing changes" line).
   */
  static int maybeAutoPublish(CommandLine.Model.CommandSpec spec, NotaryCommand notary, boolean publish, String gun) {
    notary.autoPublish(spec, publish, gun);
    return 0;
  }
}
