package io.trustyard.core.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** An output stream that hashes every byte written through it. */
public final class DigestingOutputStream extends OutputStream {
  private final OutputStream out;
  private final Digester digester;

  public DigestingOutputStream(OutputStream out, Digester digester) {
    this.out = Objects.requireNonNull(out);
    this.digester = Objects.requireNonNull(digester);
  }

  public Digester digester() {
    return digester;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digester.update(new byte[] {(byte) b});
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    digester.update(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
