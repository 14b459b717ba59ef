package io.trustyard.cli.image;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "logout", mixinStandardHelpOptions = true, description = "Forget the credentials stored for a registry.")
public final class LogoutCommand extends ClientCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER", defaultValue = "docker.io") String server;

  @Override
  int run() throws Exception {
    String host = LoginCommand.hostOf(server);
    if (context().dockerConfig().erase(host)) {
      out().println("Removing login credentials for " + host);
    } else {
      out().println("Not logged in to " + host);
    }
    out().flush();
    return 0;
  }
}
