package io.trustyard.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes the README's walkthrough, read from README.md itself, against a sandbox the walkthrough
 * starts (on free ports, in a temporary directory), and checks every step's exit status and
 * output, the tampered pull's failure and the clean-up included.
 */
class SandboxWalkthroughTest {

  @TempDir Path work;

  @Test
  void theReadmeWalkthroughRunsAsWritten() throws Exception {
    Walkthrough walkthrough = Walkthrough.read(Path.of("..", "README.md"));
    assertThat(walkthrough.steps()).as("walkthrough steps in README.md").hasSizeGreaterThan(15);
    assertThat(walkthrough.steps().getFirst().start()).as("the walkthrough starts the sandbox first").isTrue();
    assertThat(walkthrough.steps().getLast().stop()).as("the walkthrough ends with the clean-up").isTrue();

    int[] ports = TestPorts.free(4);
    Map<String, String> env = new HashMap<>();
    for (String keep : List.of("PATH", "LANG", "JAVA_HOME", "TMPDIR")) {
      if (System.getenv(keep) != null) {
        env.put(keep, System.getenv(keep));
      }
    }
    env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
    env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "walkthrough-root-passphrase");
    env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "walkthrough-repository-passphrase");
    Shell shell = new Shell(work, env);

    Process sandbox = null;
    List<String> sandboxOutput = Collections.synchronizedList(new ArrayList<>());
    try {
      for (Walkthrough.Step step : walkthrough.steps()) {
        String command = onTestPorts(step.command(), ports);
        List<String> expected = step.expected().stream().map(e -> onTestPorts(e, ports))
            // Passphrases come from the environment here, and then nothing prompts for them.
            .filter(e -> !e.contains("passphrase")).toList();
        String where = "README line " + step.line() + ": `" + step.command() + "`";
        if (step.start()) {
          sandbox = shell.startBackground(command + " --registry-port " + ports[0] + " --trust-server-port "
              + ports[1] + " --signer-port " + ports[2] + " --signer-http-port " + ports[3]);
          awaitLines(sandbox, expected, sandboxOutput, where);
          continue;
        }
        Shell.Result result = shell.run(command);
        assertThat(result.exit() != 0).as(where + " exit status " + result.exit() + ":\n" + result.text())
            .isEqualTo(step.fails());
        String missing = Walkthrough.firstMissing(expected, result.lines());
        assertThat(missing).as(where + " printed:\n" + result.text() + "\n\nexpected line missing").isNull();
        if (step.stop()) {
          assertThat(sandbox).as("the sandbox the walkthrough started").isNotNull();
          assertThat(sandbox.waitFor(60, TimeUnit.SECONDS)).as(where + " stops the sandbox").isTrue();
          // SIGTERM ends a JVM with 143 once its shutdown hook has stopped every service.
          assertThat(sandbox.exitValue()).as("the sandbox's exit status after a clean stop").isIn(0, 143);
          assertThat(sandboxOutput).as("the sandbox's output").noneMatch(l -> l.contains("stopping failed"));
          assertThat(shell.checkout().resolve(".sandbox")).as(where + " removes everything").doesNotExist();
        }
      }
    } finally {
      if (sandbox != null && sandbox.isAlive()) {
        sandbox.destroy();
        if (!sandbox.waitFor(60, TimeUnit.SECONDS)) {
          sandbox.destroyForcibly();
        }
      }
    }
  }

  /** The README's ports are the seeds'; the test's sandbox runs on free ones. */
  static String onTestPorts(String text, int[] ports) {
    return text.replace("localhost:5000", "localhost:" + ports[0]).replace("localhost:4443", "localhost:" + ports[1])
        .replace("localhost:7899", "localhost:" + ports[2]).replace("localhost:4444", "localhost:" + ports[3]);
  }

  /** Reads the background command's output until every expected line has appeared, in order. */
  private static void awaitLines(Process process, List<String> expected, List<String> output, String where)
      throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          output.add(line);
          if (Walkthrough.firstMissing(expected, List.copyOf(output)) == null) {
            ready.countDown();
          }
        }
      } catch (java.io.IOException e) {
        // The process ended; the latch tells whether it got ready first.
      }
    }, "sandbox-output");
    reader.setDaemon(true);
    reader.start();
    boolean up = ready.await(240, TimeUnit.SECONDS);
    assertThat(up).as(where + " did not print what the README says within 240 s; it printed:\n"
        + String.join("\n", output)).isTrue();
  }
}
