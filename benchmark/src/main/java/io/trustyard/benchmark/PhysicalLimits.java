package io.trustyard.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The ceilings the servers are judged against: one core of SHA-256, the loopback interface, the disk. */
final class PhysicalLimits {
  private static final int CHUNK = 1 << 20;

  private PhysicalLimits() {}

  /** The limits of this machine, measured once per run before any group. */
  record Measured(double sha256, double loopback, double diskWrite, long bytes) {
    String describe() {
      return "physical limits on this machine: SHA-256 " + Figure.fmt(sha256) + " MB/s (one core), loopback "
          + Figure.fmt(loopback) + " MB/s (one TCP stream), disk write " + Figure.fmt(diskWrite) + " MB/s ("
          + (bytes >> 20) + " MiB, fsync, in the directory the servers store into)";
    }
  }

  static Measured measure(BenchEnv env) throws Exception {
    long bytes = env.number("BENCH_LIMIT_MIB", 256, 64) << 20;
    double sha = Timing.best(env.repeats, i -> sha256(bytes));
    double loop = Timing.best(env.repeats, i -> loopback(bytes));
    double disk = Timing.best(env.repeats, i -> diskWrite(env.work, bytes));
    return new Measured(sha, loop, disk, bytes);
  }

  /** SHA-256 of {@code bytes} on one thread, in MB/s (MiB per second). */
  static double sha256(long bytes) throws Exception {
    byte[] chunk = new byte[CHUNK];
    new java.util.Random(1).nextBytes(chunk);
    MessageDigest warm = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < 64; i++) {
      warm.update(chunk);
    }
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    long start = System.nanoTime();
    for (long done = 0; done < bytes; done += CHUNK) {
      md.update(chunk);
    }
    md.digest();
    return Timing.mbPerSecond(bytes, System.nanoTime() - start);
  }

  /** Sequential write of {@code bytes} to a new file in {@code dir}, synced to the device, in MB/s. */
  static double diskWrite(java.nio.file.Path dir, long bytes) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile(dir, "disk", ".bin");
    java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocateDirect(CHUNK);
    long start = System.nanoTime();
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.WRITE)) {
      for (long done = 0; done < bytes; done += CHUNK) {
        chunk.clear();
        while (chunk.hasRemaining()) {
          ch.write(chunk);
        }
      }
      ch.force(true);
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
    return Timing.mbPerSecond(bytes, System.nanoTime() - start);
  }

  /** One TCP stream over loopback, writer and reader in this process, in MB/s. */
  static double loopback(long bytes) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          byte[] buf = new byte[CHUNK];
          long total = 0;
          for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
          }
          return total;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      byte[] chunk = new byte[CHUNK];
      long start = System.nanoTime();
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          OutputStream out = s.getOutputStream()) {
        for (long done = 0; done < bytes; done += CHUNK) {
          out.write(chunk);
        }
      }
      long received = reader.get(5, TimeUnit.MINUTES);
      return Timing.mbPerSecond(received, System.nanoTime() - start);
    }
  }
}
