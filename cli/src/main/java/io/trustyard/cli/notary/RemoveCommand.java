package io.trustyard.cli.notary;

import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code notary remove <gun> <target>}: stages the target's removal for the next publish. */
@Command(name = "remove", aliases = "rm", mixinStandardHelpOptions = true,
    description = "Removes a target from a trusted collection.")
final class RemoveCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<target>") String target;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      TrustDir.checkGun(gun);
      new Changelist(notary.trustDirectory(), gun).add(new Change(Change.DELETE, RoleNames.TARGETS,
          Change.TYPE_TARGET, target, Optional.empty()));
      PrintWriter out = spec.commandLine().getOut();
      out.print("Removal of " + target + " from " + gun + " staged for next publish.\n");
      out.flush();
      return 0;
    });
  }
}
