package io.trustyard.cli.notary;

import io.trustyard.client.notary.DelegationChanges;
import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary delegation remove <gun> <role> [<key ID>...] [--paths p,...|--all-paths] [-y] [-p]}:
 * stages the removal of keys and/or paths, or, given only the role, of the whole delegation (after
 * a {@code (yes/no)} question that {@code -y} answers).
 */
@Command(name = "remove", aliases = "rm", mixinStandardHelpOptions = true,
    description = "Removes keys and/or paths from a delegation, or the whole delegation.")
final class DelegationRemoveCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand DelegationCommand delegation;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<role>") String role;
  @Parameters(index = "2..*", paramLabel = "<keyID>") List<String> keyIds = new ArrayList<>();

  @Option(names = "--paths", split = ",", description = "List of paths to remove") List<String> paths;
  @Option(names = "--all-paths", description = "Remove all paths from this delegation") boolean allPaths;
  @Option(names = {"-y", "--yes"}, description = "Answer yes to the removal question (no confirmation)") boolean yes;
  @Option(names = {"-p", "--publish"}, description = "Auto publish the changes") boolean publish;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      TrustDir.checkGun(gun);
      if (!RoleNames.isDelegation(role)) {
        throw new NotaryCliException("invalid delegation name " + role);
      }
      boolean removeAll = keyIds.isEmpty() && paths == null && !allPaths;
      List<String> removePaths = allPaths ? null : paths;
      PrintWriter out = spec.commandLine().getOut();
      Changelist changes = new Changelist(delegation.notary.trustDirectory(), gun);
      if (removeAll) {
        out.print("\nAre you sure you want to remove all data for this delegation? (yes/no)\n");
        out.flush();
        if (yes) {
          out.print("Confirmed `yes` from flag\n");
        } else if (!Confirmation.confirmed(delegation.notary.input())) {
          // notary stops here with its fatal line straight after the question, no blank line between
          out.print("* fatal: Aborting action.\n");
          out.flush();
          return 1;
        }
        changes.add(DelegationChanges.delete(role));
      } else {
        if (allPaths) {
          changes.add(DelegationChanges.clearPaths(role));
        }
        if (removePaths != null && !removePaths.isEmpty()) {
          changes.add(DelegationChanges.removePaths(role, removePaths));
        }
        if (!keyIds.isEmpty()) {
          changes.add(DelegationChanges.removeKeys(role, keyIds));
        }
      }
      String report;
      if (removeAll) {
        report = "Forced removal (including all keys and paths) of delegation role " + role + " to repository \""
            + gun + "\" staged for next publish.\n";
      } else {
        StringBuilder items = new StringBuilder();
        if (!keyIds.isEmpty()) {
          items.append("with keys ").append(DelegationAddCommand.goList(keyIds)).append(", ");
        }
        if (allPaths) {
          items.append("with all paths, ");
        }
        if (removePaths != null) {
          items.append("with paths [").append(String.join("\n", DelegationCommand.prettyPaths(removePaths))).append("], ");
        }
        report = "Removal of delegation role " + role + " " + items + "to repository \"" + gun
            + "\" staged for next publish.\n";
      }
      return delegation.notary.staged(spec, "\n" + report + "\n", publish, gun);
    });
  }
}
