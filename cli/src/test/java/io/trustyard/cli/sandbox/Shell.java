package io.trustyard.cli.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs README commands the way a person's terminal does: each in bash, with the working directory
 * and exported variables carried from one command to the next, and {@code ./trustyard} being
 * this build (a script running the test's class path).
 */
final class Shell {
  private final Path work;
  private final Path checkout;
  private final Path state;
  private final Path cwd;
  private final Path trustyard;
  private final Map<String, String> baseEnv;

  record Result(int exit, List<String> lines) {
    String text() {
      return String.join("\n", lines);
    }
  }

  Shell(Path work, Map<String, String> env) throws IOException {
    this.work = work;
    this.checkout = Files.createDirectories(work.resolve("checkout"));
    this.state = work.resolve("shell-state.sh");
    this.cwd = work.resolve("shell-cwd");
    this.baseEnv = env;
    Files.writeString(state, "");
    Files.writeString(cwd, checkout.toString());
    this.trustyard = work.resolve("bin/trustyard");
    Files.createDirectories(trustyard.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(trustyard, "#!/bin/sh\nexec '" + java + "' --enable-native-access=ALL-UNNAMED"
        + " -XX:TieredStopAtLevel=1 -Xshare:auto -cp '" + System.getProperty("java.class.path")
        + "' io.trustyard.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(trustyard, PosixFilePermissions.fromString("rwx------"));
  }

  Path checkout() {
    return checkout;
  }

  /** The command as bash will run it: each {@code ./trustyard} in it is this build. */
  String local(String command) {
    return command.replaceAll("(?<![\\w/.])\\./trustyard(?=\\s|$)",
        java.util.regex.Matcher.quoteReplacement("'" + trustyard + "'"));
  }

  Result run(String command) throws IOException, InterruptedException {
    String script = "cd \"$(cat '" + cwd + "')\" && . '" + state + "'\n"
        + local(command) + "\n"
        + "rc=$?\npwd > '" + cwd + "'\nexport -p > '" + state + "'\nexit $rc\n";
    Path out = Files.createTempFile(work, "out", ".txt");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
        .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().clear();
    pb.environment().putAll(baseEnv);
    Process p = pb.start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("`" + command + "` did not finish within 240 s:\n" + Files.readString(out));
    }
    return new Result(p.exitValue(), new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8)));
  }

  /** Starts a long-running command (the first terminal) with stdout and stderr merged. */
  Process startBackground(String command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec " + local(command)).redirectErrorStream(true)
        .directory(checkout.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().clear();
    pb.environment().putAll(baseEnv);
    return pb.start();
  }
}
