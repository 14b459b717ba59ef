package io.trustyard.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    Serving first = Serving.start(data);
    try {
      notary(first.url, data, dir.resolve("alice"), "init", gun).ok();
      notary(first.url, data, dir.resolve("alice"), "add", gun, "v1", payload.toString(), "-p").ok();
    } finally {
      first.stop();
    }
    assertThat(Files.exists(data.resolve("trust-server.db"))).isTrue();
    assertThat(Files.exists(data.resolve("tls/ca.crt"))).isTrue();

    Serving second = Serving.start(data);
    try {
      assertThat(notary(second.url, data, dir.resolve("bob"), "list", gun).ok().output).contains("v1");
      // Publishing again needs the server's timestamp key from before the restart.
      notary(second.url, data, dir.resolve("alice"), "add", gun, "v2", payload.toString(), "-p").ok();
      assertThat(notary(second.url, data, dir.resolve("bob"), "list", gun).ok().output).contains("v1").contains("v2");
    } finally {
      second.stop();
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

  private static final class Serving {
    final Thread thread;
    final AtomicInteger exit;
    final String url;

    private Serving(Thread thread, AtomicInteger exit, String url) {
      this.thread = thread;
      this.exit = exit;
      this.url = url;
    }

    static Serving start(Path data) throws InterruptedException {
      StringWriter out = new StringWriter();
      CommandLine cli = Main.newCommandLine();
      cli.setOut(new PrintWriter(out, true));
      AtomicInteger exit = new AtomicInteger(-1);
      Thread t = new Thread(() -> exit.set(cli.execute("serve", "trust-server", "--data-dir", data.toString(),
          "--listen", "127.0.0.1:0")));
      t.start();
      Pattern listening = Pattern.compile("trust server listening on (https://127\\.0\\.0\\.1:\\d+)");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline) && t.isAlive()) {
        Matcher m = listening.matcher(out.toString());
        if (m.find()) {
          return new Serving(t, exit, m.group(1));
        }
        t.join(100); // poll interval; returns early if the command ended
      }
      throw new AssertionError("the trust server did not report its address: " + out);
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(Duration.ofSeconds(30));
      assertThat(thread.isAlive()).isFalse();
      assertThat(exit.get()).isZero();
    }
  }
}
