package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.client.trust.PassphraseRetriever;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * Runs the real Go notary CLI (a subprocess) and {@code trustyard notary} (in this JVM) the same
 * way: same global flags, home directory, passphrases, working directory and standard input,
 * against one trust server, so tests compare their outputs.
 */
final class NotaryClis {
  static final Map<String, String> PASSPHRASES = Map.of(
      "NOTARY_ROOT_PASSPHRASE", "root-pass-1234",
      "NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234",
      "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234",
      "NOTARY_DELEGATION_PASSPHRASE", "delegation-pass-1234");

  private final Path home;
  private final InProcessTrustServer server;
  private final Map<String, String> env;

  NotaryClis(Path home, InProcessTrustServer server) {
    this(home, server, Map.of());
  }

  private NotaryClis(Path home, InProcessTrustServer server, Map<String, String> extraEnv) {
    this.home = home;
    this.server = server;
    Map<String, String> e = new HashMap<>(PASSPHRASES);
    e.put("HOME", home.toString());
    e.putAll(extraEnv);
    this.env = Map.copyOf(e);
  }

  /** The same, with more environment variables for both CLIs (an empty value unsets one). */
  NotaryClis withEnv(Map<String, String> extra) {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(extra);
    return new NotaryClis(home, server, all);
  }

  /** What a command printed on standard output (the contract scripts read), its exit status, and its standard error. */
  record Result(int exit, byte[] stdout, String stderr) {
    Result(int exit, String output) {
      this(exit, output.getBytes(StandardCharsets.UTF_8), "");
    }

    Result ok() {
      assertThat(exit).as(output() + stderr).isZero();
      return this;
    }

    Result failed() {
      assertThat(exit).as(output()).isEqualTo(1);
      return this;
    }

    String output() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    List<String> lines() {
      return output().lines().toList();
    }

    /** The last line: where both CLIs put {@code * fatal: <message>}. */
    String lastLine() {
      List<String> lines = lines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  /** {@code -s <server> --tlscacert <ca> -d <trustDir>}: how the tests point both CLIs at the server. */
  List<String> globals(Path trustDir) {
    return List.of("-s", server.url, "--tlscacert", server.caCert.toString(), "-d", trustDir.toString());
  }

  /** The Go notary CLI with {@code trustDir} and the test server. */
  Result go(Path trustDir, String... args) {
    return goWithInput(new byte[0], trustDir, args);
  }

  /**
   * The Go notary CLI with {@code input} on its standard input (answers to its questions) and
   * {@code env} over the usual passphrases (an empty value unsets a variable).
   */
  Result go(Map<String, String> env, String input, Path trustDir, String... args) {
    return withEnv(env).goWithInput(input, trustDir, args);
  }

  /** The Go notary CLI with {@code input} on its standard input (answers to its questions). */
  Result goWithInput(String input, Path trustDir, String... args) {
    return goWithInput(input.getBytes(StandardCharsets.UTF_8), trustDir, args);
  }

  Result goWithInput(byte[] stdin, Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary"));
    cmd.addAll(globals(trustDir));
    cmd.addAll(List.of(args));
    return run(cmd, stdin);
  }

  /** The Go CLI with exactly these arguments (no global flags added). */
  Result run(List<String> cmd) {
    return run(cmd, new byte[0]);
  }

  Result run(List<String> cmd, byte[] stdin) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("NOTARY_"));
      env.forEach((k, v) -> {
        if (v.isEmpty()) {
          pb.environment().remove(k);
        } else {
          pb.environment().put(k, v);
        }
      });
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // the CLI may exit without reading its input; what it printed is the result
      }
      // stderr is logrus's; read it on another thread so neither pipe can fill up and block
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread drain = Thread.ofVirtual().start(() -> {
        try {
          p.getErrorStream().transferTo(err);
        } catch (IOException e) {
          // the process went away; what was read is kept
        }
      });
      byte[] out = p.getInputStream().readAllBytes();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      drain.join();
      return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** {@code trustyard notary} with {@code trustDir} and the test server. */
  Result ours(Path trustDir, String... args) {
    return oursWithInput(new byte[0], trustDir, args);
  }

  Result oursWithInput(String input, Path trustDir, String... args) {
    return oursWithInput(input.getBytes(StandardCharsets.UTF_8), trustDir, args);
  }

  Result oursWithInput(byte[] stdin, Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(globals(trustDir));
    cmd.addAll(List.of(args));
    return ours(cmd, stdin);
  }

  Result ours(List<String> args) {
    return ours(args, new byte[0]);
  }

  /** {@code trustyard notary} as {@link #go(Map, String, Path, String...)} runs notary. */
  Result ours(Map<String, String> env, String input, Path trustDir, String... args) {
    return withEnv(env).oursWithInput(input, trustDir, args);
  }

  /** {@code trustyard notary} with exactly these arguments, as the {@code trustyard} program sets it up. */
  Result ours(List<String> args, byte[] stdin) {
    return ours(Map.of(), stdin, null, args);
  }

  /**
   * {@code trustyard notary} with {@code extraEnv} over the usual passphrases, {@code input} as
   * the answers to its questions and {@code prompt} (when not null) typing passphrases.
   */
  Result ours(Map<String, String> extraEnv, String input, Supplier<PassphraseRetriever> prompt, List<String> args) {
    return ours(extraEnv, input.getBytes(StandardCharsets.UTF_8), prompt, args);
  }

  private Result ours(Map<String, String> extraEnv, byte[] stdin, Supplier<PassphraseRetriever> prompt,
      List<String> args) {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(extraEnv);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    NotaryCommand notary = new NotaryCommand(all, new ByteArrayInputStream(stdin), out);
    if (prompt != null) {
      notary.withPrompt(prompt);
    }
    CommandLine cli = NotaryCommand.reportUsageErrors(new CommandLine(notary));
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args.toArray(String[]::new));
    cli.getOut().flush();
    return new Result(exit, out.toByteArray(), err.toString());
  }
}
