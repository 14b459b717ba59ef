package io.trustyard.cli.notary;

import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustDir;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code notary status <gun>}: the staged changes, numbered in the order publish applies them. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Displays status of unpublished changes to the local trusted collection.")
final class StatusCommand extends GunCommand {

  @Override
  void run() throws Exception {
    TrustDir.checkGun(gun);
    List<Change> changes = new Changelist(notary.trustDirectory(), gun).list();
    PrintWriter out = spec.commandLine().getOut();
    if (changes.isEmpty()) {
      out.print("No unpublished changes for " + gun + "\n");
    } else {
      out.print("Unpublished changes for " + gun + ":\n\n");
      TabWriter tw = TabWriter.withHeader("#", "ACTION", "SCOPE", "TYPE", "PATH");
      for (int i = 0; i < changes.size(); i++) {
        Change c = changes.get(i);
        tw.row(Integer.toString(i), c.action(), c.role(), c.type(), c.path());
      }
      out.print(tw.render());
    }
    out.flush();
  }
}
