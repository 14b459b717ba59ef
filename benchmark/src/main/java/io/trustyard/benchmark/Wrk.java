package io.trustyard.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's wrk as the HTTP load generator: one external client for both servers, so the JVM under
 * test does not also pay for generating the load.
 */
final class Wrk {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern ERRORS = Pattern.compile("Socket errors:.*");

  private Wrk() {}

  /** Requests per second of GET {@code url} with {@code accept}; fails when any request failed. */
  static double requestsPerSecond(Path workDir, String url, String accept, int connections, int seconds)
      throws IOException, InterruptedException {
    int threads = Math.min(connections, 2);
    Path out = Files.createTempFile(workDir, "wrk", ".txt");
    Process p = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
        "--timeout", "10s", "-H", "Accept: " + accept, url)).redirectErrorStream(true).redirectOutput(out.toFile())
        .start();
    if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IOException("wrk did not finish: " + Files.readString(out));
    }
    String text = Files.readString(out);
    Matcher rps = RPS.matcher(text);
    if (p.exitValue() != 0 || !rps.find()) {
      throw new IOException("wrk failed: " + text);
    }
    Matcher bad = NON_2XX.matcher(text);
    if (bad.find()) {
      throw new IOException("wrk saw " + bad.group(1) + " non-2xx responses from " + url + ":\n" + text);
    }
    Matcher errors = ERRORS.matcher(text);
    if (errors.find()) {
      System.err.println("bench: wrk against " + url + " reported " + errors.group());
    }
    return Double.parseDouble(rps.group(1));
  }
}
