package io.trustyard.benchmark;

import io.trustyard.benchmark.jmh.HotPaths;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH microbenchmarks of the hot paths ({@link HotPaths}), briefly: one fork per benchmark, one
 * warm-up and two measured iterations of one second (quick runs: shorter), about a minute in all.
 * There is no peer for these: the figures are reported as they are, to compare run with run.
 */
final class JmhGroup implements BenchGroup {
  @Override
  public String id() {
    return "jmh";
  }

  @Override
  public String title() {
    return "Microbenchmarks (JMH): hot paths";
  }

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    int millis = env.quick ? 300 : 1000;
    Options options = new OptionsBuilder()
        .include(HotPaths.class.getName() + "\\.")
        .forks(1)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(millis))
        .measurementIterations(env.quick ? 1 : 2)
        .measurementTime(TimeValue.milliseconds(millis))
        .timeUnit(TimeUnit.SECONDS)
        .jvmArgsAppend("-Xmx256m")
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
      double opsPerSecond = r.getPrimaryResult().getScore();
      String extra = switch (name) {
        case "digestStream" -> String.format(Locale.ROOT, " = %s MB/s (SHA-256 of a %d KiB stream read in 64 KiB "
            + "buffers)", Figure.fmt(opsPerSecond * HotPaths.STREAM_BYTES / 1_048_576.0), HotPaths.STREAM_BYTES / 1024);
        case "canonicalJson" -> " (targets metadata with " + HotPaths.TARGETS + " targets)";
        case "parseManifest" -> " (OCI image manifest, 10 layers)";
        default -> " (one signature over the canonical targets metadata of " + HotPaths.TARGETS + " targets)";
      };
      section.note(String.format(Locale.ROOT, "%s: %s ops/s%s", name, Figure.fmt(opsPerSecond), extra));
    }
    section.note("JMH 1.37, one fork per benchmark, " + (env.quick ? 1 : 2) + " measured iteration(s) of " + millis
        + " ms after one warm-up iteration: short, so treat differences under ~20% as noise");
  }
}
