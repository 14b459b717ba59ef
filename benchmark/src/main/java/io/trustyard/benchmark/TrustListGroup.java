package io.trustyard.benchmark;

import java.nio.file.Path;
import java.util.Map;

/**
 * A repository with 10,000 targets listed through each CLI: the Go {@code notary list} against
 * notary-server, {@code trustyard notary list} against Trustyard's trust server (and, for the
 * client's share, against notary-server too).
 */
final class TrustListGroup implements BenchGroup {
  @Override
  public String id() {
    return "trust-list";
  }

  @Override
  public String title() {
    return "Trust server + CLI: list a repository with 10,000 targets";
  }

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    TrustStack stack = env.shared(TrustStack.class, TrustStack::start);
    int targets = (int) env.number("BENCH_LIST_TARGETS", 10_000, 1_000);
    int runs = (int) env.number("BENCH_CLI_RUNS", 5, 1);
    String gun = "bench.example.com/list";
    for (TrustStack.Side side : stack.both()) {
      TufPublisher.create(side.url(), stack.http(), dir(stack, side, "publisher"), gun, targets);
    }
    Map<String, String> home = CliTimes.environment(stack.dir.resolve("cli-home"));
    double peer = CliTimes.medianMillis(CliTimes.notary(stack.peer.url(), stack.ca, dir(stack, stack.peer, "go-cli"),
        "list", gun), env.work, home, runs);
    double ours = CliTimes.medianMillis(CliTimes.trustyard(stack.ours.url(), stack.ca,
        dir(stack, stack.ours, "trustyard-cli"), "list", gun), env.work, home, runs);
    double oursOnPeer = CliTimes.medianMillis(CliTimes.trustyard(stack.peer.url(), stack.ca,
        dir(stack, stack.peer, "trustyard-cli"), "list", gun), env.work, home, runs);
    String label = "list of " + String.format(java.util.Locale.ROOT, "%,d", targets) + " targets";
    section.add(new Figure(label + ", each CLI on its own server", "ms", "notary CLI + " + TrustStack.PEER, peer, ours,
        false, 2, null));
    section.add(new Figure(label + ", both CLIs on " + TrustStack.PEER, "ms", "notary CLI", peer, oursOnPeer, false, 2,
        null));
    section.note("wall time of `notary list <gun>` and `./trustyard notary list <gun>` as fresh processes (median of "
        + runs + " after one untimed run, so each CLI's metadata cache in its trust dir is warm, as in a script "
        + "run again); the output (" + targets + " lines) goes to a file; the repository was published once "
        + "to each server with the same client");
  }

  private static Path dir(TrustStack stack, TrustStack.Side side, String name) {
    return stack.dir.resolve("list-" + (side == stack.ours ? "trustyard" : "notary") + "-" + name);
  }

}
