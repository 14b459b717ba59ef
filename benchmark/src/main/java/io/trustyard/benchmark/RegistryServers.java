package io.trustyard.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's docker-registry (distribution 2.8) and Trustyard's registry ({@code trustyard serve
 * registry} from the CLI jar, as deployed), each its own process on loopback with its own temp
 * storage, plain HTTP, no auth, access logs off on both. Shared by the registry groups so that the
 * memory group sees the peak of the whole load.
 */
final class RegistryServers implements AutoCloseable, PeakRss {
  static final String PEER = "docker-registry 2.8";
  private static final Pattern LISTENING = Pattern.compile("registry listening on port (\\d+)");

  final ServerProcess peer;
  final ServerProcess ours;
  final RegistryLoad theirs;
  final RegistryLoad mine;
  private final Path peerRoot;
  private final Path ourRoot;
  private final java.util.List<Process> cleanups = new java.util.ArrayList<>();

  private RegistryServers(ServerProcess peer, ServerProcess ours, int peerPort, int ourPort, Path peerRoot,
      Path ourRoot) {
    this.peerRoot = peerRoot;
    this.ourRoot = ourRoot;
    this.peer = peer;
    this.ours = ours;
    this.theirs = new RegistryLoad(peerPort);
    this.mine = new RegistryLoad(ourPort);
  }

  /** Peer first, then ours, in every round: load from elsewhere on the machine hits both alike. */
  RegistryLoad[] both() {
    return new RegistryLoad[] {theirs, mine};
  }

  static RegistryServers start(BenchEnv env) throws Exception {
    ServerProcess peer = null;
    ServerProcess ours = null;
    try {
      int peerPort = ServerProcess.freePort();
      Path peerRoot = Files.createDirectories(env.work.resolve("docker-registry-storage"));
      Path peerConfig = env.work.resolve("docker-registry.yml");
      Files.writeString(peerConfig, "version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\n"
          + "storage:\n  filesystem:\n    rootdirectory: " + peerRoot + "\n  delete:\n    enabled: true\n"
          + "http:\n  addr: 127.0.0.1:" + peerPort + "\n");
      peer = ServerProcess.start(PEER, List.of("docker-registry", "serve", peerConfig.toString()),
          env.work.resolve("docker-registry.log"), Map.of()).awaitHttp("http://127.0.0.1:" + peerPort + "/v2/");

      Path ourRoot = Files.createDirectories(env.work.resolve("trustyard-storage"));
      Path log = env.work.resolve("trustyard-registry.log");
      ours = ServerProcess.start("Trustyard registry", Trustyard.javaCommand(List.of(
          Trustyard.warningsOnly(env.work)), "serve", "registry", "--host", "127.0.0.1", "--port", "0",
          "--root", ourRoot.toString()), log, Map.of());
      int ourPort = awaitPort(ours);
      ours.awaitHttp("http://127.0.0.1:" + ourPort + "/v2/");
      RegistryServers servers = new RegistryServers(peer, ours, peerPort, ourPort, peerRoot, ourRoot);
      servers.warmUp(env.work);
      return servers;
    } catch (Exception e) {
      if (ours != null) {
        ours.close();
      }
      if (peer != null) {
        peer.close();
      }
      throw e;
    }
  }

  private static int awaitPort(ServerProcess p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.readString(p.log));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!p.process.isAlive()) {
        throw new java.io.IOException(p.name + " exited: " + Files.readString(p.log));
      }
      p.process.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new java.io.IOException(p.name + " did not say its port within 90 s: " + Files.readString(p.log));
  }

  @Override
  public java.util.List<Figure> peakRss() {
    return java.util.List.of(new Figure("registry peak RSS", "MiB", PEER, peer.peakRssMiB(), ours.peakRssMiB(), false,
        2, null));
  }

  /** Both servers (and the client) see the same traffic before anything is recorded: JIT, page cache. */
  void warmUp(Path work) throws Exception {
    Path warm = work.resolve("warm.bin");
    Files.deleteIfExists(warm);
    Blobs.writeRandom(warm, 8L << 20);
    for (int i = 0; i < 3; i++) {
      for (RegistryLoad r : both()) {
        String digest = RegistryLoad.rewriteVariant(warm, 1000L + i);
        r.uploadMonolithic("bench/warm", warm, digest);
        r.uploadChunked("bench/warm", warm, RegistryLoad.rewriteVariant(warm, 2000L + i), 1 << 20);
        r.download("bench/warm", digest, Files.size(warm));
        r.pushSmallImage("bench/warm", "w" + i);
      }
    }
    Files.delete(warm);
  }

  /**
   * Deletes a repository's directory in both storages with {@code rm -rf} while the run goes on
   * (neither server touches the repository again); {@link #close} waits for it.
   */
  void removeInBackground(String repo) throws java.io.IOException {
    String rel = "docker/registry/v2/repositories/" + repo;
    cleanups.add(Subprocesses.start(List.of("rm", "-rf", peerRoot.resolve(rel).toString(), ourRoot.resolve(rel)
        .toString()), Files.createTempFile(peerRoot.getParent(), "rm", ".log"), Map.of()));
  }

  @Override
  public void close() {
    for (Process p : cleanups) {
      try {
        p.waitFor(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Subprocesses.stop(p);
    }
    ours.close();
    peer.close();
  }
}
