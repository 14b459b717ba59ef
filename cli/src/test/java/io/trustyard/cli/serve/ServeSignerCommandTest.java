package io.trustyard.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.Main;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.grpc.ClientTls;
import io.trustyard.signer.grpc.RemoteKeyService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeSignerCommandTest {

  @TempDir Path dir;

  @Test
  void servesOnDefaultsWithoutAConfigFile() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(cli.execute("serve", "signer", "--data-dir", dir.toString(),
        "--listen", "127.0.0.1:0")));
    serving.start();
    try {
      int port = awaitPort(out, serving);
      try (RemoteKeyService client = RemoteKeyService.connect("127.0.0.1", port,
          ClientTls.mutual(dir.resolve("tls/ca.crt"), dir.resolve("tls/client.crt"), dir.resolve("tls/client.key")),
          Duration.ofSeconds(20))) {
        SignerKey key = client.createKey("ed25519", "example.com/app", "timestamp");
        assertThat(client.getKey(key.id())).contains(key);
        assertThat(client.healthy()).isTrue();
      }
    } finally {
      serving.interrupt();
      serving.join(Duration.ofSeconds(30));
    }
    assertThat(serving.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
    assertThat(Files.exists(dir.resolve("signer.db"))).isTrue();
  }

  @Test
  void aBadConfigFileIsRefusedWithItsReason() throws Exception {
    Path config = dir.resolve("signer-config.json");
    Files.writeString(config, "{\"server\": {\"grpc_addr\": \":7899\"}}");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("serve", "signer", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("tls_cert_file");
  }

  private static int awaitPort(StringWriter out, Thread serving) throws InterruptedException {
    Pattern listening = Pattern.compile("signer listening on 127\\.0\\.0\\.1:(\\d+)");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline) && serving.isAlive()) {
      Matcher m = listening.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      serving.join(100); // poll interval; returns early if the command ended
    }
    throw new AssertionError("the signer did not report its port: " + out);
  }
}
