package io.trustyard.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/** Incompressible test data on disk. */
final class Blobs {
  private Blobs() {}

  static void writeRandom(Path file, long bytes) throws Exception {
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(42);
    try (var out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      for (long done = 0; done < bytes; done += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, bytes - done));
      }
    }
  }
}
