package io.trustyard.benchmark;

import io.trustyard.registry.Registry;
import io.trustyard.registry.config.RegistryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Runs Trustyard and the real peers side by side on loopback and writes the ratio report.
 *
 * <p>Environment: {@code BENCH_BLOB_MIB} (blob size, default 256), {@code BENCH_REPEATS} (runs per
 * figure, best kept, default 3), {@code BENCH_SECONDS} (wrk duration per run, default 10),
 * {@code BENCH_OUT} (report directory, default {@code target/bench}).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    long blobMiB = env("BENCH_BLOB_MIB", 256);
    int repeats = (int) env("BENCH_REPEATS", 3);
    int seconds = (int) env("BENCH_SECONDS", 10);
    Path out = Path.of(System.getenv().getOrDefault("BENCH_OUT", "target/bench"));
    long blobBytes = blobMiB << 20;
    Path work = Files.createTempDirectory("trustyard-bench");
    List<Figure> figures = new ArrayList<>();
    List<String> limits = new ArrayList<>();
    quietServerLogs();
    try {
      System.err.println("bench: physical limits");
      double sha = PhysicalLimits.sha256(Math.max(blobBytes, 256L << 20));
      double loop = Timing.best(repeats, i -> PhysicalLimits.loopback(Math.max(blobBytes, 256L << 20)));
      double disk = Timing.best(repeats, i -> PhysicalLimits.diskWrite(work, blobBytes));
      limits.add(String.format(java.util.Locale.ROOT, "physical limits on this machine: SHA-256 %s MB/s (one core), "
          + "loopback %s MB/s (one TCP stream), disk write %s MB/s (%d MiB, fsync, in the directory both registries "
          + "store into)", Figure.fmt(sha), Figure.fmt(loop), Figure.fmt(disk), blobMiB));

      Path blob = work.resolve("blob.bin");
      writeRandom(blob, blobBytes);

      try (DockerRegistryPeer peer = new DockerRegistryPeer(work);
          Registry ours = Registry.start(RegistryConfig.defaults().withHost("127.0.0.1").withPort(0)
              .withFilesystemRoot(Files.createDirectories(work.resolve("trustyard-storage"))))) {
        Runtime.getRuntime().addShutdownHook(new Thread(peer.process::destroyForcibly));
        RegistryLoad theirs = new RegistryLoad(peer.port);
        RegistryLoad mine = new RegistryLoad(ours.port());

        System.err.println("bench: warm-up");
        // Both servers (and the client) see the same traffic before anything is recorded: JIT for ours,
        // page cache and allocator for both.
        Path warm = work.resolve("warm.bin");
        writeRandom(warm, Math.min(blobBytes, 8L << 20));
        for (int i = 0; i < 3; i++) {
          for (RegistryLoad r : new RegistryLoad[] {theirs, mine}) {
            String digest = RegistryLoad.rewriteVariant(warm, 1000L + i);
            r.uploadMonolithic("bench/warm", warm, digest);
            r.download("bench/warm", digest, Files.size(warm));
          }
        }

        System.err.println("bench: blob upload/download, " + blobMiB + " MiB x " + repeats);
        // Alternate peer and ours in every round so that load from elsewhere on the machine hits both alike.
        double[] up = {0, 0};
        double[] down = {0, 0};
        String[] last = new String[2];
        for (int i = 0; i < repeats; i++) {
          RegistryLoad[] both = {theirs, mine};
          for (int s = 0; s < 2; s++) {
            String digest = RegistryLoad.rewriteVariant(blob, i * 2L + s + 1);
            up[s] = Math.max(up[s], Timing.mbPerSecond(blobBytes, both[s].uploadMonolithic("bench/blob", blob, digest)));
            last[s] = digest;
          }
        }
        for (int i = 0; i < repeats; i++) {
          RegistryLoad[] both = {theirs, mine};
          for (int s = 0; s < 2; s++) {
            down[s] = Math.max(down[s], Timing.mbPerSecond(blobBytes, both[s].download("bench/blob", last[s], blobBytes)));
          }
        }
        figures.add(new Figure("blob upload, monolithic, " + blobMiB + " MiB", "MB/s", "docker-registry 2.8",
            up[0], up[1], true, 3, null));
        figures.add(new Figure("blob upload, monolithic, " + blobMiB + " MiB", "MB/s", "SHA-256, one core",
            sha, up[1], true, 0.5, null));
        figures.add(new Figure("blob download, " + blobMiB + " MiB", "MB/s", "docker-registry 2.8",
            down[0], down[1], true, 1, null));
        figures.add(new Figure("blob download, " + blobMiB + " MiB", "MB/s", "loopback, one TCP stream",
            loop, down[1], true, 0.5, null));

        System.err.println("bench: manifest GET with wrk, " + seconds + " s per run");
        String peerUrl = theirs.pushSmallImage("bench/app", "v1");
        String ourUrl = mine.pushSmallImage("bench/app", "v1");
        // Warm-up (JIT for ours, caches for both); not recorded.
        Wrk.requestsPerSecond(work, peerUrl, RegistryLoad.OCI_MANIFEST, 4, Math.max(1, seconds / 2));
        Wrk.requestsPerSecond(work, ourUrl, RegistryLoad.OCI_MANIFEST, 4, Math.max(1, seconds / 2));
        for (int connections : new int[] {1, 64}) {
          double[] rps = {0, 0};
          for (int i = 0; i < repeats; i++) {
            rps[0] = Math.max(rps[0], Wrk.requestsPerSecond(work, peerUrl, RegistryLoad.OCI_MANIFEST, connections, seconds));
            rps[1] = Math.max(rps[1], Wrk.requestsPerSecond(work, ourUrl, RegistryLoad.OCI_MANIFEST, connections, seconds));
          }
          figures.add(new Figure("manifest GET by tag, " + connections + " connection" + (connections > 1 ? "s" : ""),
              "requests/s", "docker-registry 2.8", rps[0], rps[1], true, 10, null));
        }
        limits.add("docker-registry peak RSS during the run: " + Figure.fmt(peer.peakRssMiB()) + " MiB; "
            + "Trustyard's is not comparable yet (its registry shares the benchmark's JVM)");
      }
    } finally {
      deleteTree(work);
    }

    List<String> context = new ArrayList<>(limits);
    if (repeats < 3 || blobMiB < 256 || seconds < 10) {
      context.add("QUICK RUN (fewer repeats, smaller blobs or shorter wrk runs than the defaults): the figures "
          + "prove the harness works; on a busy machine they are too noisy to act on");
    }
    context.addAll(0, List.of(
        "run at " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, load average "
            + loadAverage() + " (other work on the machine affects both sides alike; ratios matter, not absolutes)",
        "Java " + Runtime.version() + "; Trustyard's registry runs in the benchmark's JVM (filesystem storage), "
            + "docker-registry as a subprocess with its own temp storage; both on 127.0.0.1, plain HTTP, no auth",
        "blob size " + blobMiB + " MiB (BENCH_BLOB_MIB), best of " + repeats + " runs (BENCH_REPEATS), peer and "
            + "Trustyard alternated in every round; uploads and downloads with the JDK HttpClient (same client for "
            + "both), manifest GETs with wrk (" + seconds + " s per run, BENCH_SECONDS), any non-2xx aborts the run",
        "SHA-256 limit: MessageDigest on one thread; loopback limit: one TCP stream inside one JVM; 3 warm-up "
            + "uploads and downloads of 8 MiB on each registry before anything is recorded"));
    List<String> notMeasured = List.of(
        "registry: 1 GiB blobs, chunked uploads, tag list of 10,000 tags, 50-layer image with skopeo, "
            + "32 concurrent pushers",
        "trust server vs notary-server + notary-signer: GET timestamp.json/targets.json over TLS, publish latency "
            + "p50/p99 and publishes/s at 1 and 16 publishers, list of 10,000 targets",
        "signer: Sign RPCs/s against notary-signer",
        "CLI: wall time of notary list, notary key list, trusted pull (Go CLI vs trustyard)",
        "memory: peak RSS of each server (needs Trustyard's servers as subprocesses)",
        "JMH microbenchmarks (canonical JSON, signature verification, digesting streams, manifest parsing)",
        "PNG charts: not produced yet; this report is the Markdown table only");
    String md = Report.markdown(figures, context, notMeasured);
    Path report = out.resolve("report.md");
    Report.write(report, md);
    System.out.println(md);
    System.out.println("report written to " + report.toAbsolutePath());
  }

  /** Helidon logs through java.util.logging; its start-up chatter would bury the report. */
  private static void quietServerLogs() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(java.util.logging.Level.WARNING);
    }
  }

  private static long env(String name, long fallback) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    long parsed = Long.parseLong(v.trim());
    if (parsed <= 0) {
      throw new IllegalArgumentException(name + " must be a positive number, got " + v);
    }
    return parsed;
  }

  private static void writeRandom(Path file, long bytes) throws Exception {
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(42);
    try (var outStream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      for (long done = 0; done < bytes; done += chunk.length) {
        random.nextBytes(chunk);
        outStream.write(chunk, 0, (int) Math.min(chunk.length, bytes - done));
      }
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      System.err.println("bench: could not remove " + root + ": " + e);
    }
  }
}
