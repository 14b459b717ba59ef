package io.trustyard.cli.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real peer (notary CLI, docker CLI) with its own environment; stdin closed. */
final class Peers {
  record Result(int exitCode, String output) {
    Result ok() {
      if (exitCode != 0) {
        throw new AssertionError("exit " + exitCode + ":\n" + output);
      }
      return this;
    }
  }

  /** Exit code, stdout and stderr apart: what scripts read is stdout. */
  record Split(int exitCode, String out, String err) {
    Split ok() {
      if (exitCode != 0) {
        throw new AssertionError("exit " + exitCode + ":\n" + out + err);
      }
      return this;
    }
  }

  private Peers() {}

  /** Runs with {@code stdin} as standard input, keeping stdout and stderr apart. */
  static Split run(Path workDir, Map<String, String> env, String stdin, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().putAll(env);
    try {
      Path errFile = java.nio.file.Files.createTempFile(workDir, "stderr", ".txt");
      pb.redirectError(errFile.toFile());
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      String err = java.nio.file.Files.readString(errFile);
      java.nio.file.Files.delete(errFile);
      return new Split(p.exitValue(), new String(out, StandardCharsets.UTF_8), err);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Result run(Path workDir, Map<String, String> env, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
