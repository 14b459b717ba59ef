package io.trustyard.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Notary's canonical JSON, byte for byte as docker/go's {@code MarshalCanonical} writes it
 * (spec/notary.md §2.8). These are the bytes that get signed.
 *
 * <p>No whitespace; object members sorted by the unsigned bytes of their UTF-8 keys (not Java's
 * UTF-16 order: U+FFFD sorts before emoji); strings escape only {@code "} and {@code \} and
 * carry everything else raw, control characters included; numbers must be integral and fit an
 * int64 ({@code 2.0} is written {@code 2}, {@code 1.5} is refused). A lone UTF-16 surrogate is
 * written as U+FFFD, which is what Go's decoder turns it into before re-encoding for verification.
 *
 * <p>Integers are kept exact rather than passed through a float64 as Go's generic decoder does;
 * the two differ only beyond 2^53, where Go can no longer verify its own signatures anyway.
 */
public final class CanonicalJson {
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
  /** 2^63 as a double: the first value that no longer fits a long. */
  private static final double TWO_POW_63 = 0x1p63;

  private CanonicalJson() {}

  public static byte[] encode(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    write(node, out);
    return out.toByteArray();
  }

  /** UTF-8 key order of Go's {@code sort.Strings} on the encoded keys. */
  public static int compareKeys(String a, String b) {
    return Arrays.compareUnsigned(utf8(a), utf8(b));
  }

  private static void write(JsonNode node, ByteArrayOutputStream out) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, out);
      case ARRAY -> {
        out.write('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          write(node.get(i), out);
        }
        out.write(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> writeAscii(integral(node), out);
      case BOOLEAN -> writeAscii(node.booleanValue() ? "true" : "false", out);
      case NULL -> writeAscii("null", out);
      case BINARY -> writeString(Base64.getEncoder().encodeToString(binary(node)), out);
      default -> throw new CanonicalJsonException("cannot encode a JSON node of type " + node.getNodeType());
    }
  }

  private static void writeObject(JsonNode node, ByteArrayOutputStream out) {
    List<byte[][]> members = new ArrayList<>(node.size());
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      members.add(new byte[][] {utf8(e.getKey()), null});
    }
    int i = 0;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      ByteArrayOutputStream value = new ByteArrayOutputStream();
      write(e.getValue(), value);
      members.get(i++)[1] = value.toByteArray();
    }
    members.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
    out.write('{');
    for (int m = 0; m < members.size(); m++) {
      if (m > 0) {
        out.write(',');
      }
      writeQuoted(members.get(m)[0], out);
      out.write(':');
      out.writeBytes(members.get(m)[1]);
    }
    out.write('}');
  }

  private static String integral(JsonNode node) {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      if (value.compareTo(MIN_LONG) < 0 || value.compareTo(MAX_LONG) > 0) {
        throw new CanonicalJsonException("integer " + value + " does not fit in 64 bits");
      }
      return value.toString();
    }
    double d = node.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
      throw new CanonicalJsonException(
          "canonical JSON allows only integral numbers, found " + node.asText());
    }
    if (d >= TWO_POW_63 || d < -TWO_POW_63) {
      throw new CanonicalJsonException("number " + node.asText() + " does not fit in 64 bits");
    }
    return Long.toString((long) d);
  }

  private static byte[] binary(JsonNode node) {
    try {
      return node.binaryValue();
    } catch (java.io.IOException e) {
      throw new CanonicalJsonException("unreadable binary node");
    }
  }

  private static void writeString(String s, ByteArrayOutputStream out) {
    writeQuoted(utf8(s), out);
  }

  private static void writeQuoted(byte[] utf8, ByteArrayOutputStream out) {
    out.write('"');
    for (byte b : utf8) {
      if (b == '"' || b == '\\') {
        out.write('\\');
      }
      out.write(b);
    }
    out.write('"');
  }

  private static void writeAscii(String s, ByteArrayOutputStream out) {
    out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  /** UTF-8 with lone surrogates as U+FFFD (the JDK encoder would write '?'). */
  static byte[] utf8(String s) {
    return wellFormed(s).getBytes(StandardCharsets.UTF_8);
  }

  static String wellFormed(String s) {
    StringBuilder fixed = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lone = Character.isHighSurrogate(c)
          ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
      if (lone && fixed == null) {
        fixed = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (fixed != null) {
        fixed.append(lone ? '\uFFFD' : c);
      }
    }
    return fixed == null ? s : fixed.toString();
  }
}
