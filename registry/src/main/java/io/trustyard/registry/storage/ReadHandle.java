package io.trustyard.registry.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An open stored file. Every read through one handle sees the version described by {@link #info()},
 * even if the path is replaced meanwhile, so what was checked is what is served.
 */
public interface ReadHandle extends Closeable {
  FileInfo info();

  /** A stream of the content from {@code offset} to the end. */
  InputStream stream(long offset) throws IOException;

  /**
   * Copies {@code length} bytes from {@code offset} to {@code out}. Drivers that can avoid staging
   * the content (the filesystem's channel transfer) override this.
   */
  default long transferTo(long offset, long length, OutputStream out) throws IOException {
    try (InputStream in = stream(offset)) {
      byte[] buf = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException("stored file ended " + left + " bytes early");
        }
        out.write(buf, 0, n);
        left -= n;
      }
      return length;
    }
  }
}
