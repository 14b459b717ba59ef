package io.trustyard.client.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes POSIX tar archives (ustar, with a pax header for names that do not fit). Entries get
 * fixed metadata (mode 0644, owner 0, mtime 0) so that the same content gives the same bytes.
 */
public final class TarWriter implements AutoCloseable {

  static final int BLOCK = 512;
  private final OutputStream out;

  public TarWriter(OutputStream out) {
    this.out = out;
  }

  public void directory(String name) throws IOException {
    String dir = name.endsWith("/") ? name : name + "/";
    header(dir, 0, '5', "");
  }

  public void file(String name, byte[] content) throws IOException {
    header(name, content.length, '0', "");
    out.write(content);
    pad(content.length);
  }

  public void file(String name, Path source) throws IOException {
    long size = Files.size(source);
    header(name, size, '0', "");
    try (InputStream in = Files.newInputStream(source)) {
      long copied = in.transferTo(out);
      if (copied != size) {
        throw new IOException(source + " changed while it was being archived");
      }
    }
    pad(size);
  }

  /** Content that writes itself to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A file of {@code size} bytes written by {@code content}; anything but exactly that size fails. */
  public void file(String name, long size, Content content) throws IOException {
    header(name, size, '0', "");
    long[] written = {0};
    OutputStream counting = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        written[0] += len;
        if (written[0] > size) {
          throw new IOException(name + " is larger than the " + size + " bytes announced");
        }
        out.write(b, off, len);
      }
    };
    content.writeTo(counting);
    if (written[0] != size) {
      throw new IOException(name + " is " + written[0] + " bytes, " + size + " were announced");
    }
    pad(size);
  }

  public void symlink(String name, String target) throws IOException {
    header(name, 0, '2', target);
  }

  @Override
  public void close() throws IOException {
    out.write(new byte[BLOCK * 2]);
    out.flush();
    out.close();
  }

  private void header(String name, long size, char type, String link) throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100 || linkBytes.length > 100) {
      StringBuilder pax = new StringBuilder();
      if (nameBytes.length > 100) {
        pax.append(paxRecord("path", name));
      }
      if (linkBytes.length > 100) {
        pax.append(paxRecord("linkpath", link));
      }
      byte[] paxBytes = pax.toString().getBytes(StandardCharsets.UTF_8);
      writeHeader(truncate("PaxHeaders/" + name), paxBytes.length, 'x', "");
      out.write(paxBytes);
      pad(paxBytes.length);
    }
    writeHeader(truncate(name), size, type, truncate(link));
  }

  private void writeHeader(String name, long size, char type, String link) throws IOException {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
    octal(h, 100, 8, type == '5' ? 0755 : 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    size(h, size);
    octal(h, 136, 12, 0);
    h[156] = (byte) type;
    put(h, 157, 100, link.getBytes(StandardCharsets.UTF_8));
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    h[155] = ' ';
    out.write(h);
  }

  private static String paxRecord(String key, String value) {
    String body = " " + key + "=" + value + "\n";
    int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
    int length = bodyLength + 1;
    while (String.valueOf(length).length() + bodyLength != length) {
      length = String.valueOf(length).length() + bodyLength;
    }
    return length + body;
  }

  /** The ustar field keeps the last 100 bytes' worth of characters; the pax record has the rest. */
  private static String truncate(String name) {
    String s = name;
    while (s.getBytes(StandardCharsets.UTF_8).length > 100) {
      s = s.substring(1);
    }
    return s;
  }

  private void size(byte[] h, long size) {
    if (size < 077777777777L) {
      octal(h, 124, 12, size);
    } else {
      // GNU base-256: high bit set, big-endian value in the remaining bytes.
      h[124] = (byte) 0x80;
      for (int i = 0; i < 8; i++) {
        h[135 - i] = (byte) (size >>> (8 * i));
      }
    }
  }

  private static void octal(byte[] h, int offset, int length, long value) {
    String s = Long.toOctalString(value);
    String padded = "0".repeat(Math.max(0, length - 1 - s.length())) + s;
    put(h, offset, length - 1, padded.getBytes(StandardCharsets.US_ASCII));
    h[offset + length - 1] = 0;
  }

  private static void put(byte[] h, int offset, int max, byte[] value) {
    System.arraycopy(value, 0, h, offset, Math.min(max, value.length));
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }
}
