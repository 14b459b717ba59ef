package io.trustyard.client.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Reads at most {@code limit} bytes and reports the running position (from a base offset). */
final class ProgressInputStream extends FilterInputStream {

  private final LongConsumer progress;
  private long remaining;
  private long position;

  ProgressInputStream(InputStream in, long limit, long base, LongConsumer progress) {
    super(in);
    this.remaining = limit;
    this.position = base;
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n > 0) {
      remaining -= n;
      position += n;
      progress.accept(position);
    }
    return n;
  }
}
