package io.trustyard.benchmark;

import java.nio.file.Path;
import java.util.Map;

/**
 * Start-up bound client commands, Go notary CLI against {@code ./trustyard notary}: {@code list} of
 * a small repository (each CLI on its own server) and {@code key list} of a trust dir holding a
 * repository's root and targets keys (no server involved).
 */
final class CliGroup implements BenchGroup {
  @Override
  public String id() {
    return "cli";
  }

  @Override
  public String title() {
    return "CLI: wall time of notary commands";
  }

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    TrustStack stack = env.shared(TrustStack.class, TrustStack::start);
    int runs = (int) env.number("BENCH_CLI_RUNS", 7, 1);
    String gun = "bench.example.com/cli";
    Path keys = stack.dir.resolve("cli-keys");
    for (TrustStack.Side side : stack.both()) {
      TufPublisher.create(side.url(), stack.http(), side == stack.ours ? keys : stack.dir.resolve("cli-keys-notary"),
          gun, 3);
    }
    Map<String, String> home = CliTimes.environment(stack.dir.resolve("cli-home"));
    Path goDir = stack.dir.resolve("cli-go");
    Path ourDir = stack.dir.resolve("cli-trustyard");
    section.add(new Figure("notary list (3 targets), each CLI on its own server", "ms", "notary CLI + " + TrustStack.PEER,
        CliTimes.medianMillis(CliTimes.notary(stack.peer.url(), stack.ca, goDir, "list", gun), env.work, home, runs),
        CliTimes.medianMillis(CliTimes.trustyard(stack.ours.url(), stack.ca, ourDir, "list", gun), env.work, home, runs),
        false, 2, null));
    section.add(new Figure("notary key list (2 keys)", "ms", "notary CLI",
        CliTimes.medianMillis(CliTimes.notary(stack.peer.url(), stack.ca, keys, "key", "list"), env.work, home, runs),
        CliTimes.medianMillis(CliTimes.trustyard(stack.ours.url(), stack.ca, keys, "key", "list"), env.work, home, runs),
        false, 2, null));
    section.note("fresh process per run, median of " + runs + " after one untimed run; `./trustyard` is the launcher "
        + "users run (client flags: C1 only, serial GC, the AOT cache it makes once per build from a training run "
        + "of these commands; see README) and includes its own bash start and staleness check; the Go CLI is one "
        + "static binary");
    section.note("trusted pull of a small image: not compared. There is no Go peer that pulls with content trust "
        + "without a Docker daemon (skopeo does not check Notary signatures; docker pull needs the daemon this "
        + "machine lacks), so the figure would have nothing honest beside it");
  }
}
