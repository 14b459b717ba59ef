package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.client.trust.PassphraseRetriever;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs the real Go notary CLI and {@code trustyard notary} with the same global flags against one
 * trust server, with the same home directory and passphrases, so tests compare their outputs.
 */
final class NotaryClis {
  static final Map<String, String> PASSPHRASES = Map.of(
      "NOTARY_ROOT_PASSPHRASE", "root-pass-1234",
      "NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234",
      "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234",
      "NOTARY_DELEGATION_PASSPHRASE", "delegation-pass-1234");

  private final Path home;
  private final InProcessTrustServer server;

  NotaryClis(Path home, InProcessTrustServer server) {
    this.home = home;
    this.server = server;
  }

  /** What a command printed on standard output (the contract scripts read) and its exit status. */
  record Result(int exit, String output) {
    Result ok() {
      assertThat(exit).as(output).isZero();
      return this;
    }

    Result failed() {
      assertThat(exit).as(output).isEqualTo(1);
      return this;
    }

    List<String> lines() {
      return output.lines().toList();
    }
  }

  List<String> globals(Path trustDir) {
    return List.of("-s", server.url, "--tlscacert", server.caCert.toString(), "-d", trustDir.toString());
  }

  /** The Go notary CLI with {@code trustDir} and the test server. */
  Result go(Path trustDir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("notary"));
    cmd.addAll(globals(trustDir));
    cmd.addAll(List.of(args));
    return run(cmd, "", Map.of());
  }

  /**
   * The Go notary CLI with {@code input} on its standard input (answers to its questions) and
   * {@code env} over the usual passphrases (an empty value unsets a variable).
   */
  Result go(Map<String, String> env, String input, Path trustDir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("notary"));
    cmd.addAll(globals(trustDir));
    cmd.addAll(List.of(args));
    return run(cmd, input, env);
  }

  Result run(List<String> cmd) throws IOException, InterruptedException {
    return run(cmd, "", Map.of());
  }

  private Result run(List<String> cmd, String input, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD); // logrus warnings go to stderr; stdout is the contract
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(PASSPHRASES);
    env.forEach((k, v) -> {
      if (v.isEmpty()) {
        pb.environment().remove(k);
      } else {
        pb.environment().put(k, v);
      }
    });
    Process p = pb.start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  /** {@code trustyard notary} with {@code trustDir} and the test server. */
  Result ours(Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(globals(trustDir));
    cmd.addAll(List.of(args));
    return ours(cmd);
  }

  Result ours(List<String> args) {
    return ours(Map.of(), "", null, args);
  }

  /** {@code trustyard notary} as {@link #go(Map, String, Path, String...)} runs notary. */
  Result ours(Map<String, String> env, String input, Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(globals(trustDir));
    cmd.addAll(List.of(args));
    return ours(env, input, null, cmd);
  }

  /**
   * {@code trustyard notary} with {@code extraEnv} over the usual passphrases, {@code input} as
   * the answers to its questions and {@code prompt} (when not null) typing passphrases.
   */
  Result ours(Map<String, String> extraEnv, String input, Supplier<PassphraseRetriever> prompt, List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = new HashMap<>(PASSPHRASES);
    env.put("HOME", home.toString());
    env.putAll(extraEnv);
    NotaryCommand notary = new NotaryCommand(env).withInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    if (prompt != null) {
      notary.withPrompt(prompt);
    }
    CommandLine cli = new CommandLine(notary);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args.toArray(String[]::new));
    return new Result(exit, out.toString());
  }
}
