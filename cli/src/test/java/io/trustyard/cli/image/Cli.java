package io.trustyard.cli.image;

import io.trustyard.cli.Main;
import io.trustyard.cli.trust.OurStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code trustyard} commands in this JVM with a given environment, keeping what they print. */
final class Cli {
  private Cli() {}

  record Run(int code, String out, String err) {}

  /** Runs with the environment the client commands currently see. */
  static Run run(String... args) {
    CommandLine cli = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs with {@code env} as the environment (the tests put the real one back after each test). */
  static Run run(Map<String, String> env, String... args) {
    ClientCommand.environment = env;
    return run(args);
  }

  /**
   * Content trust on against {@code stack}'s trust server for a user whose docker config directory
   * is {@code dir/who} (trusting the stack's CA for the trust server) and whose passphrases are
   * in the environment.
   */
  static Map<String, String> trustEnv(OurStack stack, Path dir, String who) throws IOException {
    Path config = dir.resolve(who);
    Path tls = Files.createDirectories(config.resolve("tls/127.0.0.1:" + stack.trust.port()));
    Files.copy(stack.caCert, tls.resolve("ca.crt"));
    Map<String, String> env = new HashMap<>();
    env.put("HOME", dir.toString());
    env.put("DOCKER_CONFIG", config.toString());
    env.put("DOCKER_CONTENT_TRUST", "1");
    env.put("DOCKER_CONTENT_TRUST_SERVER", stack.trustUrl());
    env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "root-passphrase-1");
    env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "repo-passphrase-1");
    return env;
  }
}
