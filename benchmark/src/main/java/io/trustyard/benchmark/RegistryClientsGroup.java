package io.trustyard.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What clients do in bulk: skopeo pushing and pulling a many-layer image (wall time of the real
 * client), and many pushers making small artifacts in one repository at once.
 */
final class RegistryClientsGroup implements BenchGroup {
  @Override
  public String id() {
    return "registry-clients";
  }

  @Override
  public String title() {
    return "Registry: skopeo and concurrent pushers";
  }

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    RegistryServers servers = env.shared(RegistryServers.class, RegistryServers::start);
    skopeo(env, section, servers);
    pushers(env, section, servers);
  }

  private static void skopeo(BenchEnv env, Section section, RegistryServers servers) throws Exception {
    int layers = (int) env.number("BENCH_LAYERS", 50, 50);
    int layerKiB = (int) env.number("BENCH_LAYER_KIB", 1024, 256);
    int[] ports = {servers.theirs.port(), servers.mine.port()};
    double[][] best = {{Double.MAX_VALUE, Double.MAX_VALUE}, {Double.MAX_VALUE, Double.MAX_VALUE}};
    // A HOME of its own: skopeo's blob-info cache lives there and would let later pushes skip blobs.
    Path home = Files.createDirectories(env.work.resolve("skopeo-home"));
    Map<String, String> environment = Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", home.toString());
    int rounds = Math.min(env.repeats, 2);
    for (int i = 0; i < rounds; i++) {
      for (int s = 0; s < 2; s++) {
        Path layout = OciLayout.write(env.work.resolve("layout-" + i + "-" + s), layers, layerKiB << 10,
            1000L * i + s);
        String ref = "docker://127.0.0.1:" + ports[s] + "/bench/layers" + i + ":latest";
        long start = System.nanoTime();
        Subprocesses.run(List.of("skopeo", "copy", "--insecure-policy", "--dest-tls-verify=false",
            "oci:" + layout + ":latest", ref), env.work, environment, 600);
        best[0][s] = Math.min(best[0][s], (System.nanoTime() - start) / 1e9);
        Path pulled = env.work.resolve("pulled-" + i + "-" + s);
        start = System.nanoTime();
        Subprocesses.run(List.of("skopeo", "copy", "--insecure-policy", "--src-tls-verify=false", ref,
            "oci:" + pulled + ":latest"), env.work, environment, 600);
        best[1][s] = Math.min(best[1][s], (System.nanoTime() - start) / 1e9);
        if (!Files.isDirectory(pulled.resolve("blobs/sha256"))) {
          throw new java.io.IOException("skopeo pulled nothing into " + pulled);
        }
        BenchMain.deleteTree(layout);
        BenchMain.deleteTree(pulled);
      }
    }
    String image = layers + "-layer image (" + layerKiB + " KiB layers)";
    section.add(new Figure("skopeo copy: push " + image, "s", RegistryServers.PEER, best[0][0], best[0][1], false,
        Double.NaN, null));
    section.add(new Figure("skopeo copy: pull " + image, "s", RegistryServers.PEER, best[1][0], best[1][1], false,
        Double.NaN, null));
    section.note("skopeo copy from an OCI layout directory into each registry and back (wall time of the process, "
        + "skopeo's default parallelism), new layers every run; BENCH_LAYERS, BENCH_LAYER_KIB; best of "
        + rounds);
  }

  private static void pushers(BenchEnv env, Section section, RegistryServers servers) throws Exception {
    int workers = (int) env.number("BENCH_PUSHERS", 32, 32);
    int artifacts = (int) env.number("BENCH_ARTIFACTS", 640, 256);
    double[] best = {0, 0};
    RegistryLoad[] both = servers.both();
    for (RegistryLoad r : both) {
      r.uploadBytes("bench/pushers", RegistryLoad.CONFIG, RegistryLoad.sha256(RegistryLoad.CONFIG));
      // Warm-up round, not recorded.
      push(r, workers, Math.min(artifacts, 128), -1);
    }
    int rounds = Math.min(env.repeats, 2);
    for (int i = 0; i < rounds; i++) {
      for (int s = 0; s < 2; s++) {
        long nanos = push(both[s], workers, artifacts, i);
        best[s] = Math.max(best[s], artifacts / (nanos / 1e9));
      }
    }
    section.add(new Figure(workers + " concurrent pushers into one repository", "artifacts/s", RegistryServers.PEER,
        best[0], best[1], true, Double.NaN, null));
    section.note("an artifact is a new 4 KiB layer blob (POST + PUT) and a manifest PUT under its own tag, all into "
        + "bench/pushers; " + artifacts + " artifacts (BENCH_ARTIFACTS) by " + workers + " threads sharing one JDK "
        + "HttpClient (BENCH_PUSHERS); best of " + rounds);
  }

  private static long push(RegistryLoad r, int workers, int artifacts, int round) throws Exception {
    return Parallel.run(workers, artifacts, n -> {
      byte[] layer = new byte[4096];
      new java.util.Random(round * 1_000_003L + n).nextBytes(layer);
      r.pushArtifact("bench/pushers", layer, "r" + (round + 1) + "-a" + n);
    });
  }
}
