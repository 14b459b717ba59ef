package io.trustyard.cli.notary;

import io.trustyard.client.trust.TrustException;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.model.DelegatedRole;
import io.trustyard.core.tuf.model.Delegations;
import io.trustyard.core.tuf.verify.TrustedSet;
import io.trustyard.core.tuf.verify.TrustedTargets;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code notary delegation ...}: the delegations of a trusted collection. */
@Command(name = "delegation", mixinStandardHelpOptions = true, description = "Operates on delegations.",
    subcommands = {DelegationCommand.ListDelegations.class, DelegationAddCommand.class, DelegationRemoveCommand.class,
        DelegationPurgeCommand.class})
final class DelegationCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A delegation as notary lists it: key IDs canonical, in the order the metadata lists them. */
  record Listed(String name, List<String> paths, List<String> canonicalKeyIds, int threshold) {}

  @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
      description = "Lists delegations for the Global Unique Name.")
  static final class ListDelegations implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @ParentCommand DelegationCommand delegation;

    @Parameters(index = "0", paramLabel = "<GUN>") String gun;

    @Override
    public Integer call() {
      return NotaryCommand.fatalOnError(spec, () -> {
        TrustedSet set;
        try {
          set = delegation.notary.pull(gun);
        } catch (TrustException e) {
          throw new NotaryCliException("Error retrieving delegation roles for repository " + gun + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print("\n" + render(delegations(set)) + "\n");
        out.flush();
        return 0;
      });
    }
  }

  /** Every delegation named by the verified targets roles, by name. */
  static List<Listed> delegations(TrustedSet set) {
    List<Listed> all = new ArrayList<>();
    for (TrustedTargets role : set.allTargets()) {
      Delegations d = role.metadata().signed().delegations();
      for (DelegatedRole r : d.roles()) {
        List<String> ids = r.keyIds().stream().map(id -> {
          TufPublicKey key = d.keys().get(id);
          return key == null ? id : key.canonicalId();
        }).toList();
        all.add(new Listed(r.name(), r.paths(), ids, r.threshold()));
      }
    }
    all.sort(Comparator.comparing(Listed::name));
    return all;
  }

  /** notary's table: the first path and key on the role's line, the rest on lines of their own. */
  static String render(List<Listed> roles) {
    if (roles.isEmpty()) {
      return "\nNo delegations present in this repository.\n\n";
    }
    TabWriter tw = TabWriter.withHeader("ROLE", "PATHS", "KEY IDS", "THRESHOLD");
    for (Listed r : roles) {
      List<String> paths = prettyPaths(r.paths());
      int rows = Math.max(1, Math.max(paths.size(), r.canonicalKeyIds().size()));
      for (int i = 0; i < rows; i++) {
        tw.row(i == 0 ? r.name() : "", i < paths.size() ? paths.get(i) : "",
            i < r.canonicalKeyIds().size() ? r.canonicalKeyIds().get(i) : "", i == 0 ? Integer.toString(r.threshold()) : "");
      }
    }
    return tw.render();
  }

  /** Sorted, with the empty path (every target) shown as notary shows it. */
  static List<String> prettyPaths(List<String> paths) {
    return paths.stream().sorted().map(p -> p.isEmpty() ? "\"\" <all paths>" : p).toList();
  }
}
