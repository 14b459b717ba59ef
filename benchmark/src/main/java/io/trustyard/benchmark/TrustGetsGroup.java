package io.trustyard.benchmark;

import java.util.ArrayList;
import java.util.List;

/** GET timestamp.json and targets.json over TLS with wrk: notary-server against Trustyard's trust server. */
final class TrustGetsGroup implements BenchGroup {
  private static final int CONNECTIONS = 16;
  private static final int TARGETS = 20;

  @Override
  public String id() {
    return "trust-gets";
  }

  @Override
  public String title() {
    return "Trust server: metadata GETs over TLS";
  }

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    TrustStack stack = env.shared(TrustStack.class, TrustStack::start);
    int rounds = TrustStack.rounds(env);
    String gun = "bench.example.com/gets";
    List<String> bases = new ArrayList<>();
    for (TrustStack.Side side : stack.both()) {
      TufPublisher.create(side.url(), stack.http(),
          stack.dir.resolve("gets-" + (side == stack.ours ? "trustyard" : "notary")), gun, TARGETS);
      bases.add(side.url() + "/v2/" + gun + "/_trust/tuf/");
    }
    for (String role : List.of("timestamp", "targets")) {
      // Warm-up, not recorded: a JVM server needs its hot paths compiled before it is measured.
      for (String base : bases) {
        Wrk.requestsPerSecond(env.work, base + role + ".json", "*/*", CONNECTIONS, env.seconds);
      }
      double[] rps = {0, 0};
      for (int i = 0; i < rounds; i++) {
        for (int s = 0; s < 2; s++) {
          rps[s] = Math.max(rps[s], Wrk.requestsPerSecond(env.work, bases.get(s) + role + ".json", "*/*", CONNECTIONS,
              env.seconds));
        }
      }
      section.add(new Figure("GET " + role + ".json over TLS, " + CONNECTIONS + " connections", "requests/s",
          TrustStack.PEER, rps[0], rps[1], true, 2, null));
    }
    section.note("wrk (HTTPS, keep-alive, " + CONNECTIONS + " connections, " + env.seconds + " s per run, best of "
        + rounds + ", after one unrecorded run of the same length on each server) on one repository with " + TARGETS + " targets; both servers on PostgreSQL with a "
        + "remote signer, as in the publish group; any non-2xx aborts the run");
  }
}
