package io.trustyard.core.digest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** An input stream that hashes every byte read through it (marks are not supported). */
public final class DigestingInputStream extends InputStream {
  private final InputStream in;
  private final Digester digester;

  public DigestingInputStream(InputStream in, Digester digester) {
    this.in = Objects.requireNonNull(in);
    this.digester = Objects.requireNonNull(digester);
  }

  public Digester digester() {
    return digester;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      digester.update(new byte[] {(byte) b});
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digester.update(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipping would leave bytes unhashed; read them instead.
    long skipped = 0;
    byte[] buf = new byte[8192];
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
