package io.trustyard.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.Main;
import io.trustyard.cli.notary.InProcessTrustServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code trustyard serve trust-server} on its defaults, driven by the real notary CLI, across a restart. */
class ServeTrustServerCommandTest {

  @TempDir Path dir;

  @Test
  void servesOnDefaultsAndKeepsKeysAndMetadataAcrossARestart() throws Exception {
    Path data = dir.resolve("data");
    String gun = "example.com/serve/app";
    Path payload = dir.resolve("payload.txt");
    Files.writeString(payload, "served\n");

    try (InProcessTrustServer first = InProcessTrustServer.start(data)) {
      notary(first.url, data, dir.resolve("alice"), "init", gun).ok();
      notary(first.url, data, dir.resolve("alice"), "add", gun, "v1", payload.toString(), "-p").ok();
    }
    assertThat(Files.exists(data.resolve("trust-server.db"))).isTrue();
    assertThat(Files.exists(data.resolve("tls/ca.crt"))).isTrue();

    try (InProcessTrustServer second = InProcessTrustServer.start(data)) {
      assertThat(notary(second.url, data, dir.resolve("bob"), "list", gun).ok().output).contains("v1");
      // Publishing again needs the server's timestamp key from before the restart.
      notary(second.url, data, dir.resolve("alice"), "add", gun, "v2", payload.toString(), "-p").ok();
      assertThat(notary(second.url, data, dir.resolve("bob"), "list", gun).ok().output).contains("v1").contains("v2");
    }
  }

  @Test
  void aBadConfigFileIsRefusedWithItsReason() throws Exception {
    Path config = dir.resolve("server-config.json");
    Files.writeString(config, "{\"server\": {\"http_addr\": \":4443\"}}");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("serve", "trust-server", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("trust_service.type");
  }

  private record Result(int exit, String output) {
    Result ok() {
      assertThat(exit).as(output).isZero();
      return this;
    }
  }

  private Result notary(String url, Path data, Path trustDir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", url, "--tlscacert", data.resolve("tls/ca.crt").toString(),
        "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
    pb.environment().put("NOTARY_ROOT_PASSPHRASE", "root-pass-1234");
    pb.environment().put("NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234");
    pb.environment().put("NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234");
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
