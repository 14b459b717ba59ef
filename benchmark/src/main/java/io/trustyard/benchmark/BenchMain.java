package io.trustyard.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs Trustyard and the real peers side by side on loopback and writes the ratio report and one
 * chart per group to {@code BENCH_OUT} (default {@code target/bench}).
 *
 * <p>Environment: {@code BENCH_QUICK=1} (small sizes, one run each: a smoke run of the harness),
 * {@code BENCH_GROUPS} (comma-separated group ids to run, default all), {@code BENCH_REPEATS}
 * (runs per figure, best kept; default 3, quick 1), {@code BENCH_SECONDS} (wrk duration per run;
 * default 5, quick 2); groups read their own sizes (see each group).
 */
public final class BenchMain {
  private BenchMain() {}

  /** Every group in run order; {@link MemoryGroup} last, while the servers of the others are up. */
  static List<BenchGroup> groups() {
    return List.of(new RegistryBlobsGroup(), new RegistryManifestsGroup(), new RegistryClientsGroup(),
        new TrustGetsGroup(), new TrustPublishGroup(), new SignerGroup(), new TrustListGroup(), new CliGroup(),
        new JmhGroup(), new MemoryGroup());
  }

  public static void main(String[] args) throws Exception {
    quietServerLogs();
    boolean quick = "1".equals(System.getenv("BENCH_QUICK"));
    Path out = Path.of(System.getenv().getOrDefault("BENCH_OUT", "target/bench"));
    String only = System.getenv("BENCH_GROUPS");
    Set<String> selected = only == null || only.isBlank() ? null
        : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
    List<BenchGroup> groups = groups().stream().filter(g -> selected == null || selected.contains(g.id())).toList();
    Path work = Files.createTempDirectory("trustyard-bench");
    List<Section> sections = new ArrayList<>();
    List<String> context = new ArrayList<>();
    long runStart = System.nanoTime();
    String loadBefore = loadAverage();
    try (BenchEnv env = new BenchEnv(work, out, quick)) {
      System.err.println("bench: physical limits");
      env.limits = PhysicalLimits.measure(env);
      context.add(env.limits.describe());
      if (env.quick || env.repeats < 3) {
        context.add("QUICK RUN (BENCH_QUICK or fewer repeats, smaller sizes, shorter wrk runs than the defaults): "
            + "the figures prove the harness works; they are too noisy to act on");
      }
      for (BenchGroup g : groups) {
        Section section = new Section(g.id(), g.title());
        sections.add(section);
        System.err.println("bench: " + g.title());
        long start = System.nanoTime();
        try {
          g.run(env, section);
        } catch (Exception e) {
          // One broken group (a peer missing, a server failing) must not cost the figures of the others.
          section.failure = e.toString();
          System.err.println("bench: " + g.id() + " failed:");
          e.printStackTrace();
        }
        section.seconds = (System.nanoTime() - start) / 1e9;
        Chart.write(section, out.resolve(g.id() + ".png"));
        writeReport(out, header(quick, loadBefore, runStart, context), sections, false);
      }
    } finally {
      deleteTree(work);
    }
    String md = writeReport(out, header(quick, loadBefore, runStart, context), sections, true);
    System.out.println(md);
    System.out.println("report written to " + out.resolve("report.md").toAbsolutePath());
  }

  private static List<String> header(boolean quick, String loadBefore, long runStart, List<String> context) {
    List<String> lines = new ArrayList<>();
    lines.add("run at " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, load average "
        + loadBefore + " before and " + loadAverage() + " now (1 min); the run took "
        + Figure.fmt((System.nanoTime() - runStart) / 1e9) + " s. Other work on the machine affects both sides "
        + "alike: ratios matter, not absolutes; on a loaded machine even ratios are noisy");
    lines.add("Java " + Runtime.version() + "; every server is its own process on 127.0.0.1 with its own temp "
        + "storage; the peer and Trustyard alternate in every round" + (quick ? "; quick run (BENCH_QUICK=1)" : ""));
    lines.addAll(context);
    return lines;
  }

  private static String writeReport(Path out, List<String> context, List<Section> sections, boolean finished)
      throws Exception {
    List<String> pending = new ArrayList<>();
    if (!finished) {
      pending.add("the run is still going (this report is rewritten after every group)");
    }
    String md = Report.markdown(context, sections, pending);
    Report.write(out.resolve("report.md"), md);
    return md;
  }

  /** Helidon (if any in this JVM) logs through java.util.logging; its chatter would bury the report. */
  private static void quietServerLogs() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(java.util.logging.Level.WARNING);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception e) {
      System.err.println("bench: could not remove " + root + ": " + e);
    }
  }
}
