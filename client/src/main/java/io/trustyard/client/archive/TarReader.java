package io.trustyard.client.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads tar archives (ustar, pax and GNU long names) one entry at a time. The archive is untrusted:
 * headers are checksummed, sizes are bounded by the caller and metadata entries are capped.
 */
public final class TarReader implements AutoCloseable {

  /** One member of the archive; regular files carry their size, links their target. */
  public record Entry(String name, char type, long size, String linkName) {
    public boolean isFile() {
      return type == '0' || type == '\0' || type == '7';
    }

    public boolean isDirectory() {
      return type == '5';
    }

    public boolean isSymlink() {
      return type == '2';
    }

    public boolean isHardlink() {
      return type == '1';
    }
  }

  private static final int BLOCK = TarWriter.BLOCK;
  private static final int MAX_META = 1 << 20;
  private final InputStream in;
  private long remaining;
  private long padding;

  public TarReader(InputStream in) {
    this.in = in;
  }

  /** The next entry, or null at the end of the archive. Skips whatever was left of the last one. */
  public Entry next() throws IOException {
    skip(remaining + padding);
    remaining = 0;
    padding = 0;
    Map<String, String> pax = new HashMap<>();
    String longName = null;
    String longLink = null;
    while (true) {
      byte[] h = readBlock();
      if (h == null || isZero(h)) {
        return null;
      }
      verifyChecksum(h);
      char type = (char) h[156];
      long size = size(h);
      if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
        if (size > MAX_META) {
          throw new IOException("tar archive has a " + size + "-byte metadata entry; refusing it");
        }
        byte[] data = readFully((int) size);
        skip(pad(size));
        if (type == 'x') {
          pax.putAll(parsePax(data));
        } else if (type == 'L') {
          longName = cString(data, 0, data.length);
        } else if (type == 'K') {
          longLink = cString(data, 0, data.length);
        }
        continue;
      }
      String name = cString(h, 0, 100);
      String prefix = "ustar".equals(cString(h, 257, 5)) ? cString(h, 345, 155) : "";
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      String link = cString(h, 157, 100);
      if (longName != null) {
        name = longName;
      }
      if (longLink != null) {
        link = longLink;
      }
      name = pax.getOrDefault("path", name);
      link = pax.getOrDefault("linkpath", link);
      if (pax.containsKey("size")) {
        size = parseDecimal(pax.get("size"));
      }
      Entry entry = new Entry(name, type, size, link);
      boolean hasData = entry.isFile() || !(entry.isDirectory() || entry.isSymlink()
          || entry.isHardlink() || type == '3' || type == '4' || type == '6');
      remaining = hasData ? size : 0;
      padding = hasData ? pad(size) : 0;
      return entry;
    }
  }

  /** The current entry's content; reading stops at its end. */
  public InputStream content() {
    return new InputStream() {
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
        if (n < 0) {
          throw new EOFException("tar archive ends inside an entry");
        }
        remaining -= n;
        return n;
      }
    };
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private byte[] readBlock() throws IOException {
    byte[] h = new byte[BLOCK];
    int n = in.readNBytes(h, 0, BLOCK);
    if (n == 0) {
      return null;
    }
    if (n < BLOCK) {
      throw new EOFException("tar archive is truncated");
    }
    return h;
  }

  private byte[] readFully(int size) throws IOException {
    byte[] data = in.readNBytes(size);
    if (data.length != size) {
      throw new EOFException("tar archive is truncated");
    }
    return data;
  }

  private void skip(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("tar archive is truncated");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static long pad(long size) {
    long rest = size % BLOCK;
    return rest == 0 ? 0 : BLOCK - rest;
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void verifyChecksum(byte[] h) throws IOException {
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      int b = (i >= 148 && i < 156) ? ' ' : h[i];
      unsigned += b & 0xff;
      signed += b;
    }
    long stored = parseOctal(h, 148, 8);
    if (stored != unsigned && stored != signed) {
      throw new IOException("not a tar archive (header checksum mismatch)");
    }
  }

  private static long size(byte[] h) throws IOException {
    if ((h[124] & 0x80) != 0) {
      long value = 0;
      for (int i = 125; i < 136; i++) {
        if (value >>> 55 != 0) {
          throw new IOException("tar entry size is out of range");
        }
        value = (value << 8) | (h[i] & 0xff);
      }
      return value;
    }
    return parseOctal(h, 124, 12);
  }

  private static long parseOctal(byte[] h, int offset, int length) throws IOException {
    int i = offset;
    int end = offset + length;
    while (i < end && (h[i] == ' ' || h[i] == 0)) {
      i++;
    }
    long value = 0;
    for (; i < end && h[i] != ' ' && h[i] != 0; i++) {
      if (h[i] < '0' || h[i] > '7') {
        throw new IOException("not a tar archive (bad number in header)");
      }
      value = (value << 3) | (h[i] - '0');
      if (value > (1L << 60)) {
        throw new IOException("tar entry size is out of range");
      }
    }
    return value;
  }

  private static long parseDecimal(String s) throws IOException {
    try {
      long v = Long.parseLong(s.trim());
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IOException("tar pax header has a bad size: " + s);
    }
  }

  private static String cString(byte[] h, int offset, int length) {
    int end = offset;
    while (end < offset + length && h[end] != 0) {
      end++;
    }
    return new String(h, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static Map<String, String> parsePax(byte[] data) throws IOException {
    Map<String, String> records = new HashMap<>();
    int pos = 0;
    while (pos < data.length) {
      int space = pos;
      while (space < data.length && data[space] != ' ') {
        space++;
      }
      int length;
      try {
        length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new IOException("tar pax header is malformed");
      }
      if (length <= space - pos || pos + length > data.length) {
        throw new IOException("tar pax header is malformed");
      }
      String record = new String(data, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0) {
        records.put(record.substring(0, eq), record.substring(eq + 1));
      }
      pos += length;
    }
    return records;
  }
}
