package io.trustyard.benchmark;

/**
 * One group of figures in the report (e.g. registry blobs, trust server GETs): measured by
 * {@link #run}, written as one table and one PNG chart named {@code <id>.png}. A group that throws
 * is reported as failed and the run goes on with the next one.
 *
 * <p>Servers that several groups load (and whose peak RSS a later group reads) are shared through
 * {@link BenchEnv#shared}; a group starts nothing that outlives it otherwise.
 */
interface BenchGroup {
  /** File-name-safe identifier, also the chart's name and the {@code BENCH_GROUPS} filter key. */
  String id();

  /** Section heading in the report. */
  String title();

  /** Measures this group's figures; {@code section} collects figures and notes as they come. */
  void run(BenchEnv env, Section section) throws Exception;
}
