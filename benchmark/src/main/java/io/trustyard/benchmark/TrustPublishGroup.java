package io.trustyard.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes (a new targets.json; the server makes and signs snapshot and timestamp) against
 * notary-server + notary-signer and Trustyard's pair: 1 publisher, 16 publishers on 16 GUNs, and
 * 16 publishers racing on one GUN (losers retry on the newer state; only accepted publishes count).
 */
final class TrustPublishGroup implements BenchGroup {
  private static final int PUBLISHERS = 16;

  @Override
  public String id() {
    return "trust-publish";
  }

  @Override
  public String title() {
    return "Trust server: publishes (latency and rate)";
  }

  record Load(double perSecond, double p50Ms, double p99Ms, long accepted, long conflicts, long errors) {}

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    TrustStack stack = env.shared(TrustStack.class, TrustStack::start);
    int rounds = TrustStack.rounds(env);
    int seconds = env.seconds;
    HttpClient http = stack.http();
    List<List<TufPublisher>> distinct = new ArrayList<>();
    List<TufPublisher> shared = new ArrayList<>();
    for (TrustStack.Side side : stack.both()) {
      List<TufPublisher> guns = new ArrayList<>();
      for (int i = 0; i < PUBLISHERS; i++) {
        guns.add(TufPublisher.create(side.url(), http, trustDir(stack, side, "distinct-" + i),
            "bench.example.com/publish/distinct-" + i, 0));
      }
      distinct.add(guns);
      shared.add(TufPublisher.create(side.url(), http, trustDir(stack, side, "one"), "bench.example.com/publish/one", 0));
    }
    // Warm-up, not recorded: JIT for ours, connection pools and caches for both.
    for (int s = 0; s < 2; s++) {
      run(http, List.of(distinct.get(s).get(0)), Math.max(2, seconds / 2), "warm");
      run(http, distinct.get(s), Math.max(2, seconds / 2), "warm");
    }
    Load[][] loads = new Load[3][2];
    for (int round = 0; round < rounds; round++) {
      for (int s = 0; s < 2; s++) {
        loads[0][s] = best(loads[0][s], run(http, List.of(distinct.get(s).get(0)), seconds, "one-" + round));
        loads[1][s] = best(loads[1][s], run(http, distinct.get(s), seconds, "many-" + round));
        List<TufPublisher> racing = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
          racing.add(shared.get(s));
        }
        loads[2][s] = best(loads[2][s], run(http, racing, seconds, "race-" + round));
      }
    }
    String[] names = {"1 publisher", PUBLISHERS + " publishers, " + PUBLISHERS + " GUNs",
        PUBLISHERS + " publishers, one GUN"};
    for (int k = 0; k < 3; k++) {
      Load peer = loads[k][0];
      Load ours = loads[k][1];
      section.add(new Figure("publishes/s, " + names[k], "publishes/s", TrustStack.PEER, peer.perSecond(),
          ours.perSecond(), true, 2, "accepted publishes only; refused as stale / server errors (each retried on "
              + "the newer state): " + TrustStack.PEER + " " + peer.conflicts() + " / " + peer.errors() + ", Trustyard "
              + ours.conflicts() + " / " + ours.errors()));
      section.add(new Figure("publish latency p50, " + names[k], "ms", TrustStack.PEER, peer.p50Ms(), ours.p50Ms(),
          false, Double.NaN, null));
      section.add(new Figure("publish latency p99, " + names[k], "ms", TrustStack.PEER, peer.p99Ms(), ours.p99Ms(),
          false, Double.NaN, null));
    }
    section.note("each publish: the client signs the next targets.json (ECDSA P-256, in memory) and POSTs it; the "
        + "latency is the POST alone, the server checking it, making and signing snapshot and timestamp through its "
        + "signer (gRPC, mutual TLS) and storing them in PostgreSQL; " + seconds + " s per run, best of "
        + rounds + " runs (by rate); the JDK HttpClient as the client of both; repositories created with "
        + "the trust dir's root and targets keys, snapshot and timestamp keys held by the server (docker's layout)");
  }

  private static Load best(Load a, Load b) {
    return a == null || b.perSecond() > a.perSecond() ? b : a;
  }

  private static Path trustDir(TrustStack stack, TrustStack.Side side, String name) {
    return stack.dir.resolve("publishers").resolve(side == stack.ours ? "trustyard" : "notary").resolve(name);
  }

  /** {@code publishers.size()} threads, thread i publishing with publisher i, for {@code seconds}. */
  private static Load run(HttpClient http, List<TufPublisher> publishers, int seconds, String tag) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong conflicts = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(publishers.size())) {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < publishers.size(); t++) {
        TufPublisher p = publishers.get(t);
        String prefix = tag + "-t" + t + "-";
        futures.add(pool.submit(() -> {
          long[] mine = new long[1024];
          int n = 0;
          for (int i = 0; System.nanoTime() < deadline; i++) {
            TufPublisher.Attempt attempt = p.publishOne(prefix + i);
            if (attempt.outcome() == TufPublisher.Outcome.REFUSED_STALE) {
              conflicts.incrementAndGet();
              continue;
            }
            if (attempt.outcome() == TufPublisher.Outcome.SERVER_ERROR) {
              errors.incrementAndGet();
              continue;
            }
            long took = attempt.nanos();
            if (n == mine.length) {
              mine = Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = took;
          }
          return Arrays.copyOf(mine, n);
        }));
      }
      for (Future<long[]> f : futures) {
        latencies.add(f.get());
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (all.length == 0) {
      throw new IllegalStateException("no publish was accepted in " + seconds + " s (" + conflicts.get()
          + " refused as stale, " + errors.get() + " server errors)");
    }
    return new Load(all.length / elapsed, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, all.length,
        conflicts.get(), errors.get());
  }

  static double percentile(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
