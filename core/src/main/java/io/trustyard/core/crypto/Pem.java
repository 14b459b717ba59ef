package io.trustyard.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PEM as Go's {@code encoding/pem} writes and reads it: headers sorted with {@code Proc-Type}
 * first, a blank line after headers, base64 in 64-character lines, text outside blocks ignored.
 */
public final class Pem {
  /** Upper bound on PEM input: key files and certificate bundles are a few KiB. */
  public static final int MAX_PEM_BYTES = 1 << 20;

  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private Pem() {}

  /** Encodes one block with Go's layout. Header keys and values may not contain line breaks. */
  public static byte[] encode(String type, Map<String, String> headers, byte[] der) {
    StringBuilder out = new StringBuilder(der.length * 4 / 3 + 128);
    out.append(BEGIN).append(type).append(DASHES).append('\n');
    if (!headers.isEmpty()) {
      Map<String, String> sorted = new TreeMap<>(headers);
      String procType = sorted.remove("Proc-Type");
      if (procType != null) {
        appendHeader(out, "Proc-Type", procType);
      }
      sorted.forEach((k, v) -> appendHeader(out, k, v));
      out.append('\n');
    }
    String b64 = Base64.getEncoder().encodeToString(der);
    for (int i = 0; i < b64.length(); i += 64) {
      out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
    }
    out.append(END).append(type).append(DASHES).append('\n');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendHeader(StringBuilder out, String key, String value) {
    if (key.isEmpty() || key.indexOf(':') >= 0 || hasLineBreak(key) || hasLineBreak(value)) {
      throw new IllegalArgumentException("PEM header must be one line without ':' in its name: " + key);
    }
    out.append(key).append(": ").append(value).append('\n');
  }

  private static boolean hasLineBreak(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }

  /** All PEM blocks in {@code pem}, in order; throws {@link MalformedKeyException} on a broken block. */
  public static List<PemBlock> decodeAll(byte[] pem) {
    return decode(pem, Integer.MAX_VALUE);
  }

  private static List<PemBlock> decode(byte[] pem, int maxBlocks) {
    if (pem.length > MAX_PEM_BYTES) {
      throw new MalformedKeyException("PEM input larger than " + MAX_PEM_BYTES + " bytes");
    }
    String[] lines = new String(pem, StandardCharsets.UTF_8).split("\n", -1);
    List<PemBlock> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.length && blocks.size() < maxBlocks) {
      String line = stripCr(lines[i]).strip();
      i++;
      if (!line.startsWith(BEGIN) || !line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
        continue;
      }
      String type = line.substring(BEGIN.length(), line.length() - DASHES.length());
      Map<String, String> headers = new LinkedHashMap<>();
      while (i < lines.length) {
        String h = stripCr(lines[i]);
        int colon = h.indexOf(':');
        if (colon < 0) {
          break;
        }
        headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        i++;
      }
      StringBuilder b64 = new StringBuilder();
      String endLine = END + type + DASHES;
      boolean closed = false;
      while (i < lines.length) {
        String body = stripCr(lines[i]).strip();
        i++;
        if (body.equals(endLine)) {
          closed = true;
          break;
        }
        b64.append(body.replaceAll("\\s", ""));
      }
      if (!closed) {
        throw new MalformedKeyException("PEM block " + type + " has no END line");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(b64.toString());
      } catch (IllegalArgumentException e) {
        throw new MalformedKeyException("PEM block " + type + " is not valid base64", e);
      }
      blocks.add(new PemBlock(type, headers, der));
    }
    return blocks;
  }

  /** The first PEM block; throws {@link MalformedKeyException} when there is none. */
  public static PemBlock decodeFirst(byte[] pem) {
    // Like Go's pem.Decode: what follows the first block is not looked at.
    List<PemBlock> blocks = decode(pem, 1);
    if (blocks.isEmpty()) {
      throw new MalformedKeyException("no PEM block found");
    }
    return blocks.get(0);
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
