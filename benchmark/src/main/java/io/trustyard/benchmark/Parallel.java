package io.trustyard.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code workers} clients working off {@code count} numbered jobs together; the first failure fails all. */
final class Parallel {
  interface Job {
    void run(int index) throws Exception;
  }

  private Parallel() {}

  /** Runs jobs 0..count-1 on {@code workers} threads; returns elapsed nanoseconds. */
  static long run(int workers, int count, Job job) throws Exception {
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
      List<Future<?>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            job.run(i);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          next.set(count);
          throw e.getCause() instanceof Exception ex ? ex : e;
        }
      }
      return System.nanoTime() - start;
    }
  }
}
