package io.trustyard.cli.notary;

import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.TrustDir;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notary reset <gun> (-n <idx,...> | --all)}: drops staged changes, numbered as {@code status} shows them. */
@Command(name = "reset", mixinStandardHelpOptions = true,
    description = "Resets unpublished changes for the local trusted collection.")
final class ResetCommand extends GunCommand {

  @Option(names = {"-n", "--number"}, split = ",",
      description = "Numbers of specific changes to exclusively reset, as shown in status list.")
  List<Integer> numbers = new ArrayList<>();

  @Option(names = "--all", description = "Reset all changes shown in the status list.")
  boolean all;

  @Override
  void run() throws Exception {
    if (!all && numbers.isEmpty()) {
      throw NotaryCommand.usageError(spec, "Must specify changes to reset with -n or the --all flag");
    }
    Changelist changelist = new Changelist(notary.trustDirectory(), TrustDir.checkGun(gun));
    if (all) {
      changelist.clear();
    } else {
      changelist.remove(new HashSet<>(numbers));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print("Successfully reset specified changes for repository " + gun + "\n");
    out.flush();
  }
}
