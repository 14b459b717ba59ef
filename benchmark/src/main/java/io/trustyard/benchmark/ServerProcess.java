package io.trustyard.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/** A server (peer or Trustyard) run as its own process, so that its memory is its own and measurable. */
final class ServerProcess implements AutoCloseable {
  final String name;
  final Process process;
  final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ServerProcess start(String name, List<String> command, Path log, Map<String, String> environment)
      throws IOException {
    return new ServerProcess(name, Subprocesses.start(command, log, environment), log);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Polls {@code url} until its status satisfies {@code ready}; readiness only, nothing here is timed. */
  ServerProcess awaitHttp(String url, IntPredicate ready, HttpClient client) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited: " + Files.readString(log));
      }
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (ready.test(r.statusCode())) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      }
      process.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new IOException(name + " did not answer " + url + " within 90 s: " + Files.readString(log));
  }

  ServerProcess awaitHttp(String url) throws IOException, InterruptedException {
    return awaitHttp(url, s -> s == 200, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
  }

  /** Peak resident set size (VmHWM) so far, in MiB. */
  double peakRssMiB() {
    return Subprocesses.peakRssMiB(process.pid());
  }

  @Override
  public void close() {
    Subprocesses.stop(process);
  }
}
