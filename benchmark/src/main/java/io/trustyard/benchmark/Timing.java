package io.trustyard.benchmark;

import java.util.Arrays;

/** Runs a measurement several times and keeps the best, which is the least disturbed by a busy machine. */
final class Timing {
  private Timing() {}

  interface Measurement {
    double run(int iteration) throws Exception;
  }

  static double best(int repeats, Measurement m) throws Exception {
    double[] results = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      results[i] = m.run(i);
    }
    return Arrays.stream(results).max().orElse(Double.NaN);
  }

  static double mbPerSecond(long bytes, long nanos) {
    return bytes / 1_048_576.0 / (nanos / 1e9);
  }
}
