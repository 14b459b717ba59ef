package io.trustyard.cli.trust;

import io.trustyard.cli.image.ClientContext;
import io.trustyard.cli.image.ClientOptions;
import io.trustyard.client.notary.DockerTrustSetup;
import io.trustyard.client.notary.NotaryRepository;
import io.trustyard.client.trust.TrustException;
import io.trustyard.core.oci.Reference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the {@code trust} commands: docker's error handling (the message alone on stderr, exit
 * code 1), its trust dir and passphrase variables, and its {@code [y/N]} confirmations.
 */
abstract class TrustSubcommand implements Callable<Integer> {
  static final int FAILED = 1;
  /** Signer and key names docker accepts. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  /** The environment and standard input; tests replace them. */
  static Map<String, String> environment = System.getenv();
  static InputStream input = System.in;

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  private DockerTrustSetup setup;

  abstract int run() throws Exception;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (Exception e) {
      err().println(e.getMessage() == null ? e.toString() : e.getMessage());
      err().flush();
      out().flush();
      return FAILED;
    } finally {
      out().flush();
      err().flush();
    }
  }

  ClientContext context() {
    return new ClientContext(options, environment);
  }

  DockerTrustSetup setup() {
    if (setup == null) {
      setup = DockerTrustSetup.fromEnvironment(context().trustEnvironment(), context().dockerConfig(), warning -> {
        err().println("WARN: " + warning);
        err().flush();
      });
    }
    return setup;
  }

  NotaryRepository open(Reference image) {
    return setup().open(image);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** docker's confirmation: {@code <message> [y/N] }, yes only for {@code y} (any case). */
  boolean confirm(String message) throws IOException {
    out().print(message + " [y/N] ");
    out().flush();
    String line = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)).readLine();
    String answer = line == null ? "" : line.trim().toLowerCase(Locale.ROOT);
    return answer.equals("y");
  }

  /** One repository's share of a command that names several. */
  @FunctionalInterface
  interface PerRepository {
    void run(String repository) throws IOException;
  }

  /**
   * docker's way with several repositories: {@code announce} each, run it, print a failure with a
   * blank line to stderr and go on; at the end, fail naming those that failed.
   */
  void eachRepository(List<String> repositories, Function<String, String> announce, String failedPrefix,
      PerRepository action) throws IOException {
    List<String> failed = new ArrayList<>();
    for (String repository : repositories) {
      out().println(announce.apply(repository));
      out().flush();
      try {
        action.run(repository);
      } catch (TrustException | IllegalArgumentException e) {
        out().flush();
        err().println(e.getMessage() + "\n");
        err().flush();
        failed.add(repository);
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException(failedPrefix + String.join(", ", failed));
    }
  }

  static String invalidName(String what, String name) {
    return what + " name \"" + name + "\" must start with lowercase alphanumeric characters and can include \"-\" or"
        + " \"_\" after the first character";
  }
}
