package io.trustyard.cli.notary;

import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustDir;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code notary remove <gun> <target>}: stages the target's removal for the next publish. */
@Command(name = "remove", aliases = "rm", mixinStandardHelpOptions = true,
    description = "Removes a target from a trusted collection.")
final class RemoveCommand implements Callable<Integer>, NotaryUsageErrors.MissingArguments {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<target>") String target;

  @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to remove this target from.")
  List<String> roles = new ArrayList<>();

  @Option(names = {"-p", "--publish"}, description = "Automatically attempt to publish after staging the change."
      + " Will also publish existing staged changes.")
  boolean publish;

  @Override
  public String missingArguments() {
    return "Must specify a GUN and target";
  }

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      TrustDir.checkGun(gun);
      StagedTargets.stage(notary.trustDirectory(), gun, roles, Change.DELETE, target, Optional.empty());
      return notary.staged(spec, "Removal of " + target + " from " + gun + " staged for next publish.\n", publish, gun);
    });
  }
}
