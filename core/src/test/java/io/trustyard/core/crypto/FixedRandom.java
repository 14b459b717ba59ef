package io.trustyard.core.crypto;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/** Serves given byte strings to successive nextBytes calls, to reproduce a file's salt and IV. */
final class FixedRandom extends SecureRandom {
  private final Deque<byte[]> chunks = new ArrayDeque<>();

  FixedRandom(byte[]... chunks) {
    for (byte[] c : chunks) {
      this.chunks.add(c.clone());
    }
  }

  @Override
  public void nextBytes(byte[] bytes) {
    byte[] next = chunks.poll();
    if (next == null || next.length != bytes.length) {
      throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
    }
    System.arraycopy(next, 0, bytes, 0, bytes.length);
  }
}
