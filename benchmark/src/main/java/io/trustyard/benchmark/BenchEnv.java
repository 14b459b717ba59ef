package io.trustyard.benchmark;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every group gets: the temp work directory, the report directory, the physical limits, the
 * quick/full sizing, and servers shared between groups (closed, last started first, at the end).
 */
final class BenchEnv implements AutoCloseable {
  final Path work;
  final Path out;
  final boolean quick;
  final int repeats;
  final int seconds;
  PhysicalLimits.Measured limits;
  private final Map<Class<?>, AutoCloseable> shared = new LinkedHashMap<>();
  private final Deque<AutoCloseable> closeOrder = new ArrayDeque<>();

  interface Factory<T> {
    T create(BenchEnv env) throws Exception;
  }

  BenchEnv(Path work, Path out, boolean quick) {
    this.work = work;
    this.out = out;
    this.quick = quick;
    this.repeats = (int) number("BENCH_REPEATS", 3, 1);
    this.seconds = (int) number("BENCH_SECONDS", 5, 2);
  }

  /**
   * A size or count: the environment variable {@code name} when set, else {@code full} (or
   * {@code quick} in a quick run, {@code BENCH_QUICK=1}).
   */
  long number(String name, long full, long quickValue) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      return quick ? quickValue : full;
    }
    long parsed = Long.parseLong(v.trim());
    if (parsed <= 0) {
      throw new IllegalArgumentException(name + " must be a positive number, got " + v);
    }
    return parsed;
  }

  /** The one instance of {@code type} for this run, created on first use and closed by {@link #close}. */
  synchronized <T extends AutoCloseable> T shared(Class<T> type, Factory<T> factory) throws Exception {
    AutoCloseable existing = shared.get(type);
    if (existing != null) {
      return type.cast(existing);
    }
    T created = factory.create(this);
    shared.put(type, created);
    closeOrder.push(created);
    return created;
  }

  /** The shared instance of {@code type} if some group started it, else null. */
  synchronized <T extends AutoCloseable> T sharedIfStarted(Class<T> type) {
    return type.cast(shared.get(type));
  }

  /** Every shared server started so far, in start order. */
  synchronized java.util.List<AutoCloseable> sharedServers() {
    return java.util.List.copyOf(shared.values());
  }

  @Override
  public synchronized void close() {
    while (!closeOrder.isEmpty()) {
      try {
        closeOrder.pop().close();
      } catch (Exception e) {
        System.err.println("bench: stopping a shared server failed: " + e);
      }
    }
    shared.clear();
  }
}
