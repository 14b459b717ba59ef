package io.trustyard.cli.image;

import io.trustyard.client.auth.Credentials;
import io.trustyard.client.auth.DockerConfig;
import io.trustyard.client.registry.RegistryException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "login", mixinStandardHelpOptions = true,
    description = "Log in to a registry; the credentials go to docker's config.json, shared with docker.")
public final class LoginCommand extends ClientCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER", defaultValue = "docker.io",
      description = "Registry host[:port] (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = {"-u", "--username"}) String username;

  @Option(names = {"-p", "--password"}, description = "Password (prefer --password-stdin: this one shows in ps).")
  String password;

  @Option(names = "--password-stdin", description = "Read the password from standard input.")
  boolean passwordStdin;

  @Override
  int run() throws Exception {
    String host = hostOf(server);
    if (passwordStdin) {
      if (password != null) {
        throw new IllegalArgumentException("--password and --password-stdin are mutually exclusive");
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      password = line == null ? "" : line.stripTrailing();
    }
    java.io.Console console = System.console();
    if (username == null || username.isBlank()) {
      if (console == null) {
        throw new IllegalArgumentException("a username is required: pass --username");
      }
      username = console.readLine("Username: ");
    }
    if (password == null) {
      if (console == null) {
        throw new IllegalArgumentException("a password is required: pass --password-stdin");
      }
      char[] typed = console.readPassword("Password: ");
      password = typed == null ? "" : new String(typed);
    }
    if (username == null || username.isBlank() || password.isEmpty()) {
      throw new IllegalArgumentException("username and password must not be empty");
    }
    Credentials credentials = Credentials.basic(username.trim(), password);
    try {
      context().registry(0).transport(host).verifyCredentials(credentials);
    } catch (RegistryException e) {
      if (e.kind() == RegistryException.Kind.UNAUTHORIZED) {
        throw new IllegalArgumentException("login to " + host + " failed: the registry did not accept the"
            + " username or password");
      }
      throw e;
    }
    DockerConfig config = context().dockerConfig();
    config.store(host, credentials);
    err().println("WARNING! Your password will be stored unencrypted in " + config.file() + ".");
    err().flush();
    out().println("Login Succeeded");
    out().flush();
    return 0;
  }

  /** Accepts {@code host}, {@code host:port} or a URL like {@code https://host:port/v2/}. */
  static String hostOf(String server) {
    String s = server.trim();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("'" + server + "' names no registry");
    }
    return s.equals("index.docker.io") || s.equals("registry-1.docker.io") ? "docker.io" : s;
  }
}
