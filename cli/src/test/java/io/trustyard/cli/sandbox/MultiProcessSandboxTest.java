package io.trustyard.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.client.store.ImageStore;
import io.trustyard.store.Database;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
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
 * {@code deploy/compose.yaml} mounts, on PostgreSQL databases handed over as compose hands them
 * over ({@code NOTARY_*_STORAGE_DB_URL}), and an image goes through it with content trust: pushed
 * and signed, removed, pulled and verified by {@code trustyard image} with
 * {@code DOCKER_CONTENT_TRUST=1}, the server's timestamp key living in the signer process.
 */
class MultiProcessSandboxTest {

  @TempDir Path work;

  @Test
  void theComposeConfigsRunAsThreeProcessesOnPostgresAndCarryASignedImage() throws Exception {
    String compose = Files.readString(Path.of("..", "deploy", "compose.yaml"));
    for (String config : SandboxProcesses.CONFIGS) {
      assertThat(compose).contains("/etc/trustyard/" + config);
      assertThat(Files.readString(Path.of("..", "deploy", "Dockerfile"))).contains("deploy/" + config);
    }
    assertThat(compose).contains("NOTARY_SIGNER_STORAGE_DB_URL: postgres://")
        .contains("NOTARY_SERVER_STORAGE_DB_URL: postgres://");
    for (String config : List.of("signer.json", "server.json")) {
      assertThat(Files.readString(Path.of("..", "deploy", config))).as(config).contains("\"backend\": \"postgres\"");
    }
    int[] ports = TestPorts.free(4);
    Map<String, String> env = new HashMap<>();
    for (String keep : List.of("PATH", "LANG", "JAVA_HOME", "TMPDIR")) {
      if (System.getenv(keep) != null) {
        env.put(keep, System.getenv(keep));
      }
    }
    env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
    env.put("DOCKER_CONTENT_TRUST_ROOT_PASSPHRASE", "multi-process-root-passphrase");
    env.put("DOCKER_CONTENT_TRUST_REPOSITORY_PASSPHRASE", "multi-process-repository-passphrase");
    Shell shell = new Shell(work, env);
    SandboxSettings settings = new SandboxSettings(shell.checkout().resolve(".sandbox"), ports[0], ports[1], ports[2],
        ports[3]);
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    List<ProcessHandle> services = new ArrayList<>();
    String repository = "localhost:" + ports[0] + "/test/multi";
    try (TestDatabase signerDb = TestDatabases.postgres(); TestDatabase serverDb = TestDatabases.postgres()) {
      Map<String, String> databases = Map.of("NOTARY_SIGNER_STORAGE_DB_URL", signerDb.urlText(),
          "NOTARY_SERVER_STORAGE_DB_URL", serverDb.urlText());
      try (SandboxProcesses sandbox = SandboxProcesses.start(settings, databases, log)) {
        for (long pid : sandbox.pids()) {
          services.add(ProcessHandle.of(pid).orElseThrow());
        }
        assertThat(sandbox.pids()).hasSize(3).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
        for (String config : SandboxProcesses.CONFIGS) {
          assertThat(settings.dataDir().resolve("deploy").resolve(config)).as("the shipped " + config)
              .hasSameBinaryContentAs(Path.of("..", "deploy", config));
        }
        PrintedEndpoints.assertEachAnswers(SandboxReport.ready(settings, "one process per service", Duration.ZERO),
            settings);

        String digest = ImageStore.open(settings.imageStore()).get(DemoImage.NAME).orElseThrow().manifest().digest()
            .toString();
        ok(shell.run(". .sandbox/env && ./trustyard image tag docker/trusttest " + repository + ":latest"));
        ok(shell.run("export DOCKER_CONTENT_TRUST=1 DOCKER_CONTENT_TRUST_SERVER=" + settings.trustServerUrl()));
        Shell.Result push = ok(shell.run("./trustyard image push " + repository + ":latest"));
        assertThat(push.text()).contains("Successfully signed \"" + repository + "\":latest")
            .contains("latest: digest: " + digest);
        ok(shell.run("./trustyard image rm docker/trusttest " + repository + ":latest"));
        assertThat(ImageStore.open(settings.imageStore()).get(repository + ":latest")).isEmpty();

        // The tag resolves through the signed trust data, and the pulled bytes match the signed digest.
        Shell.Result pull = ok(shell.run("./trustyard image pull " + repository));
        assertThat(pull.text()).contains("Pull (1 of 1): " + repository + ":latest@" + digest)
            .contains("Digest: " + digest);
        assertThat(ImageStore.open(settings.imageStore()).get(repository + ":latest").orElseThrow().manifest().digest())
            .hasToString(digest);

        // The trust data and the server's keys are in the PostgreSQL databases given, not in SQLite files.
        assertThat(count(serverDb, "SELECT COUNT(*) FROM tuf_files WHERE gun = ?", repository))
            .as("TUF files of " + repository + " in the trust server's database").isGreaterThanOrEqualTo(4);
        assertThat(count(signerDb, "SELECT COUNT(*) FROM private_keys WHERE gun = ? AND role = ?", repository,
            "timestamp")).as("the timestamp key in the signer's database").isEqualTo(1);
        assertThat(settings.dataDir().resolve("signer/signer.db")).doesNotExist();
        assertThat(settings.dataDir().resolve("trust-server/trust-server.db")).doesNotExist();
      }
      for (ProcessHandle service : services) {
        assertThat(service.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
      }
    }
    String output = logBytes.toString(StandardCharsets.UTF_8);
    // Each service's own process logged one structured line per request it served.
    assertThat(output).containsPattern("signer \\| .*service=signer method=proto\\.Signer/Sign status=OK")
        .containsPattern("signer \\| .*service=signer method=GET path=/metrics status=200")
        .containsPattern("trust-server \\| .*service=trust-server method=POST path=/v2/" + Pattern.quote(repository)
            + "/_trust/tuf/ operation=\\S+ status=200")
        .containsPattern("trust-server \\| .*service=trust-server method=GET path=/_notary_server/health")
        .containsPattern("registry \\| .*service=registry method=PUT path=/v2/test/multi/manifests/latest"
            + " endpoint=\\S+ status=201")
        .containsPattern("registry \\| .*service=registry method=GET path=/token endpoint=token status=200")
        .containsPattern("registry \\| .*service=registry method=GET path=/health endpoint=health status=200");
  }

  private static long count(TestDatabase db, String sql, String... args) {
    try (Database database = db.open()) {
      return database.withConnection(c -> {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < args.length; i++) {
            ps.setString(i + 1, args[i]);
          }
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        }
      });
    }
  }

  private static Shell.Result ok(Shell.Result r) {
    assertThat(r.exit()).as(r.text()).isZero();
    return r;
  }
}
