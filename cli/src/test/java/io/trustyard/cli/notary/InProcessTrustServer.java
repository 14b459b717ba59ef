package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code trustyard serve trust-server} on an ephemeral loopback port, in this JVM, with its own CA. */
public final class InProcessTrustServer implements AutoCloseable {
  public final String url;
  public final Path caCert;
  private final Thread thread;
  private final AtomicInteger exit;

  private InProcessTrustServer(Thread thread, AtomicInteger exit, String url, Path caCert) {
    this.thread = thread;
    this.exit = exit;
    this.url = url;
    this.caCert = caCert;
  }

  public static InProcessTrustServer start(Path data) throws InterruptedException {
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
        return new InProcessTrustServer(t, exit, m.group(1), data.resolve("tls/ca.crt"));
      }
      t.join(100); // poll interval; returns early if the command ended
    }
    throw new AssertionError("the trust server did not report its address: " + out);
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(30));
    assertThat(thread.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
  }
}
