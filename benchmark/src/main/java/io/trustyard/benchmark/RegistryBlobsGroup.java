package io.trustyard.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Blob upload (monolithic: POST + one PUT; chunked: POST + PATCHes + PUT) and download, at two sizes,
 * against the physical limits: one core of SHA-256 (a registry must hash what it receives) and one
 * loopback TCP stream.
 */
final class RegistryBlobsGroup implements BenchGroup {
  @Override
  public String id() {
    return "registry-blobs";
  }

  @Override
  public String title() {
    return "Registry: blob upload and download";
  }

  @Override
  public void run(BenchEnv env, Section section) throws Exception {
    RegistryServers servers = env.shared(RegistryServers.class, RegistryServers::start);
    int chunkMiB = (int) env.number("BENCH_CHUNK_MIB", 8, 8);
    long[] sizes = {env.number("BENCH_BLOB_MIB", 256, 16), env.number("BENCH_LARGE_BLOB_MIB", 1024, 64)};
    String[] modes = {"monolithic", "chunked (" + chunkMiB + " MiB PATCHes)"};
    // The large size gets fewer rounds (BENCH_LARGE_REPEATS, default 1): its runs are long and steadier.
    int[] rounds = {Math.min(env.repeats, 2), (int) Math.min(env.repeats, env.number("BENCH_LARGE_REPEATS", 1, 1))};
    long variant = 1;
    for (int k = 0; k < sizes.length; k++) {
      long mib = sizes[k];
      long bytes = mib << 20;
      String size = mib % 1024 == 0 ? (mib / 1024) + " GiB" : mib + " MiB";
      Path blob = env.work.resolve("blob-" + mib + ".bin");
      Blobs.writeRandom(blob, bytes);
      double[][] up = new double[2][2];
      String[] kept = new String[2];
      RegistryLoad[] both = servers.both();
      for (int i = 0; i < rounds[k]; i++) {
        for (int mode = 0; mode < 2; mode++) {
          for (int s = 0; s < 2; s++) {
            String digest = RegistryLoad.rewriteVariant(blob, variant++);
            long nanos = mode == 0 ? both[s].uploadMonolithic("bench/blob", blob, digest)
                : both[s].uploadChunked("bench/blob", blob, digest, chunkMiB << 20);
            up[mode][s] = Math.max(up[mode][s], Timing.mbPerSecond(bytes, nanos));
            // Only the last blob is kept (for the downloads): the disk holds one blob per size and server.
            if (kept[s] != null) {
              both[s].deleteBlob("bench/blob", kept[s]);
            }
            kept[s] = digest;
          }
        }
      }
      double[] down = new double[2];
      for (int i = 0; i < rounds[k]; i++) {
        for (int s = 0; s < 2; s++) {
          down[s] = Math.max(down[s], Timing.mbPerSecond(bytes, both[s].download("bench/blob", kept[s], bytes)));
        }
      }
      for (int mode = 0; mode < 2; mode++) {
        String name = "upload " + size + ", " + modes[mode];
        section.add(new Figure(name, "MB/s", RegistryServers.PEER, up[mode][0], up[mode][1], true, 3, null));
        section.add(new Figure(name, "MB/s", "SHA-256, one core", env.limits.sha256(), up[mode][1], true, 0.5, null));
      }
      section.add(new Figure("download " + size, "MB/s", RegistryServers.PEER, down[0], down[1], true, 1, null));
      section.add(new Figure("download " + size, "MB/s", "loopback, one TCP stream", env.limits.loopback(), down[1],
          true, 0.5, null));
      for (int s = 0; s < 2; s++) {
        both[s].deleteBlob("bench/blob", kept[s]);
      }
      Files.delete(blob);
    }
    section.note("JDK HttpClient (HTTP/1.1) for both servers; every blob is new (its first 8 bytes vary) and its "
        + "digest is computed before the clock starts; best of " + rounds[0] + " runs (BENCH_REPEATS, at most 2) for the first "
        + "size and " + rounds[1] + " (BENCH_LARGE_REPEATS) for the second, peer and Trustyard alternated; "
        + "sizes BENCH_BLOB_MIB and BENCH_LARGE_BLOB_MIB, chunk BENCH_CHUNK_MIB");
    section.note("both registries fsync an upload's data before answering 201 (docker-registry's fsyncs seen with "
        + "strace), so an upload is bounded by the disk-write limit above as much as by SHA-256: with other work "
        + "writing to the same disk, upload figures swing by several times between runs");
  }
}
