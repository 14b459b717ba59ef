package io.trustyard.cli.notary;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code notary version}: notary's layout (scripts read the {@code Version:} line) with this
 * program's version; the runtime line names Java where notary names Go.
 */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version number of notary.")
final class VersionCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.print("notary\n Version:    " + version() + "\n Git commit: \n Java version: " + Runtime.version() + "\n");
    out.flush();
  }

  static String version() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /** {@code notary --version}: the one-line form. */
  static final class Short implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"notary Version: " + version() + ", Git commit: , Java version: " + Runtime.version()};
    }
  }
}
