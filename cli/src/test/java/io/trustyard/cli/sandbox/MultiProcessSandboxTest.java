package io.trustyard.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.client.store.ImageStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose deployment's test (no Docker engine here): the sandbox's multi-process mode runs
 * signer, trust server and registry as three OS processes from the very config files
 * {@code deploy/compose.yaml} mounts, and an image goes through it: pushed and pulled with the
 * client, its tag signed with the real notary CLI against the trust server (whose timestamp and
 * snapshot keys live in the signer process) and listed from a fresh trust directory.
 */
class MultiProcessSandboxTest {

  @TempDir Path work;

  @Test
  void theComposeConfigsRunAsThreeProcessesAndCarryASignedImage() throws Exception {
    for (String config : SandboxProcesses.CONFIGS) {
      assertThat(Files.readString(Path.of("..", "deploy", "compose.yaml"))).contains("/etc/trustyard/" + config);
      assertThat(Files.readString(Path.of("..", "deploy", "Dockerfile"))).contains("deploy/" + config);
    }
    int[] ports = TestPorts.free(4);
    Map<String, String> env = new HashMap<>();
    for (String keep : List.of("PATH", "LANG", "JAVA_HOME", "TMPDIR")) {
      if (System.getenv(keep) != null) {
        env.put(keep, System.getenv(keep));
      }
    }
    env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
    Shell shell = new Shell(work, env);
    SandboxSettings settings = new SandboxSettings(shell.checkout().resolve(".sandbox"), ports[0], ports[1], ports[2], ports[3]);
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    List<ProcessHandle> services = new ArrayList<>();
    try (SandboxProcesses sandbox = SandboxProcesses.start(settings, Map.of(), log)) {
      for (long pid : sandbox.pids()) {
        services.add(ProcessHandle.of(pid).orElseThrow());
      }
      assertThat(sandbox.pids()).hasSize(3).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
      for (String config : SandboxProcesses.CONFIGS) {
        assertThat(settings.dataDir().resolve("deploy").resolve(config)).as("the shipped " + config)
            .hasSameBinaryContentAs(Path.of("..", "deploy", config));
      }

      String image = "localhost:" + ports[0] + "/test/multi:latest";
      ok(shell.run(". .sandbox/env && ./trustyard image tag docker/trusttest " + image));
      Shell.Result push = ok(shell.run("./trustyard image push " + image));
      String digest = ImageStore.open(settings.imageStore()).get(DemoImage.NAME).orElseThrow().manifest().digest()
          .toString();
      assertThat(push.text()).contains("digest: " + digest);
      ok(shell.run("./trustyard image rm docker/trusttest " + image));
      Shell.Result pull = ok(shell.run("./trustyard image pull " + image));
      assertThat(pull.text()).contains("Digest: " + digest);

      Path manifest = settings.imageStore().resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
      String gun = "localhost:" + ports[0] + "/test/multi";
      String notary = "NOTARY_ROOT_PASSPHRASE=multi-root NOTARY_TARGETS_PASSPHRASE=multi-targets"
          + " NOTARY_SNAPSHOT_PASSPHRASE=multi-snapshot notary -s " + settings.trustServerUrl()
          + " --tlscacert .sandbox/root-ca.crt";
      ok(shell.run(notary + " -d publisher init " + gun));
      ok(shell.run(notary + " -d publisher add -p " + gun + " latest " + manifest));
      Shell.Result list = ok(shell.run(notary + " -d reader list " + gun));
      assertThat(list.text()).contains("latest").contains(digest.substring("sha256:".length()));
    }
    for (ProcessHandle service : services) {
      assertThat(service.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    }
    String output = logBytes.toString(StandardCharsets.UTF_8);
    // Each service's own process logged one structured line per request it served.
    assertThat(output).containsPattern("signer \\| .*service=signer method=proto\\.Signer/Sign status=OK")
        .containsPattern("trust-server \\| .*service=trust-server method=POST path=/v2/" + Pattern.quote(
            "localhost:" + ports[0]) + "/test/multi/_trust/tuf/ operation=\\S+ status=200")
        .containsPattern("registry \\| .*service=registry method=PUT path=/v2/test/multi/manifests/latest"
            + " endpoint=\\S+ status=201");
  }

  private static Shell.Result ok(Shell.Result r) {
    assertThat(r.exit()).as(r.text()).isZero();
    return r;
  }
}
