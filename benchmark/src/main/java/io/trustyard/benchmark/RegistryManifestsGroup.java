package io.trustyard.benchmark;

import java.util.List;

/** Manifest GET by tag under wrk at 1 and 64 connections, and listing a repository of many tags. */
final class RegistryManifestsGroup implements BenchGroup {
  @Override
  public String id() {
    return "registry-manifests";
  }

  @Override
  public String title() {
    return "Registry: manifests and tags";
  }

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    RegistryServers servers = env.shared(RegistryServers.class, RegistryServers::start);
    String peerUrl = servers.theirs.pushSmallImage("bench/app", "v1");
    String ourUrl = servers.mine.pushSmallImage("bench/app", "v1");
    int seconds = env.seconds;
    // Warm-up (JIT for ours, caches for both); not recorded.
    Wrk.requestsPerSecond(env.work, peerUrl, RegistryLoad.OCI_MANIFEST, 64, Math.max(1, seconds / 2));
    Wrk.requestsPerSecond(env.work, ourUrl, RegistryLoad.OCI_MANIFEST, 64, Math.max(1, seconds / 2));
    int rounds = Math.min(env.repeats, 2);
    for (int connections : new int[] {1, 64}) {
      double[] rps = {0, 0};
      for (int i = 0; i < rounds; i++) {
        rps[0] = Math.max(rps[0], Wrk.requestsPerSecond(env.work, peerUrl, RegistryLoad.OCI_MANIFEST, connections,
            seconds));
        rps[1] = Math.max(rps[1], Wrk.requestsPerSecond(env.work, ourUrl, RegistryLoad.OCI_MANIFEST, connections,
            seconds));
      }
      section.add(new Figure("manifest GET by tag, " + connections + " connection" + (connections > 1 ? "s" : ""),
          "requests/s", RegistryServers.PEER, rps[0], rps[1], true, 10, null));
    }
    section.note("wrk (2 threads) against each server in turn, " + seconds + " s per run (BENCH_SECONDS), best of "
        + rounds + "; any non-2xx response aborts the run");

    int tags = (int) env.number("BENCH_TAGS", 10_000, 1_000);
    byte[] layer = new byte[4096];
    new java.util.Random(7).nextBytes(layer);
    String manifest = RegistryLoad.manifest(layer);
    String[] pages = new String[2];
    double[][] best = {{Double.MAX_VALUE, Double.MAX_VALUE}, {Double.MAX_VALUE, Double.MAX_VALUE}};
    RegistryLoad[] both = servers.both();
    for (int s = 0; s < 2; s++) {
      RegistryLoad r = both[s];
      // Tags are made with 16 concurrent PUTs of one manifest (untimed), the blobs are bench/app's.
      r.uploadBytes("bench/tags", RegistryLoad.CONFIG, RegistryLoad.sha256(RegistryLoad.CONFIG));
      r.uploadBytes("bench/tags", layer, RegistryLoad.sha256(layer));
      Parallel.run(16, tags, i -> r.putManifest("bench/tags", String.format("t%05d", i), manifest));
    }
    int[] pageSizes = {0, 100};
    for (RegistryLoad r : both) {
      // One untimed listing each, so that both read their tags from the page cache.
      r.listTags("bench/tags", 0, new int[1]);
    }
    for (int i = 0; i < env.repeats; i++) {
      for (int p = 0; p < 2; p++) {
        for (int s = 0; s < 2; s++) {
          int[] count = new int[1];
          long start = System.nanoTime();
          List<String> listed = both[s].listTags("bench/tags", pageSizes[p], count);
          double ms = (System.nanoTime() - start) / 1e6;
          if (listed.size() != tags) {
            throw new java.io.IOException("tags/list on " + (s == 0 ? "the peer" : "Trustyard") + " gave "
                + listed.size() + " tags, " + tags + " were pushed");
          }
          best[p][s] = Math.min(best[p][s], ms);
          if (p == 0) {
            pages[s] = count[0] + " page" + (count[0] == 1 ? "" : "s");
          }
        }
      }
    }
    // 20,000 tag directories take minutes to delete on a busy disk: removed now, beside the next groups.
    servers.removeInBackground("bench/tags");
    section.add(new Figure("list " + tags + " tags as skopeo does (no n, follow Link)", "ms", RegistryServers.PEER,
        best[0][0], best[0][1], false, Double.NaN, null));
    section.add(new Figure("list " + tags + " tags, n=100 per page (follow Link)", "ms", RegistryServers.PEER,
        best[1][0], best[1][1], false, Double.NaN, null));
    section.note("tag list: " + tags + " tags (BENCH_TAGS) on one manifest; time to read them all with the JDK client "
        + "following Link headers, best of " + env.repeats + "; without n the peer answered in " + pages[0]
        + ", Trustyard in " + pages[1] + "; docker-registry 2.8 ignores n (one unsorted response with every tag), "
        + "so its n=100 figure is a single request");
  }
}
