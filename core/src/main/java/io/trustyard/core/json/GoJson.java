package io.trustyard.core.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The escaping Go's {@code encoding/json} applies outside canonical mode, as used when Notary
 * writes a metadata file (spec/notary.md §2.9), and its {@code json.Indent} layout, as docker's
 * inspect commands print.
 */
public final class GoJson {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private GoJson() {}

  /**
   * What Go's encoder does to an embedded {@code json.RawMessage} (the canonical {@code signed}
   * bytes): {@code <}, {@code >}, {@code &}, U+2028 and U+2029 become {@code \}{@code u} escapes,
   * everything else is copied. Go refuses to embed a raw message that is not valid JSON, which
   * canonical bytes with a raw control character in a string are; so do we.
   */
  public static byte[] escapeEmbedded(byte[] canonical) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(canonical.length + 16);
    for (int i = 0; i < canonical.length; i++) {
      int b = canonical[i] & 0xff;
      if (b < 0x20) {
        throw new CanonicalJsonException(
            "a control character (0x" + Integer.toHexString(b) + ") inside a string cannot be"
                + " written to a metadata file");
      }
      if (b == '<' || b == '>' || b == '&') {
        unicodeEscape(b, out);
      } else if (b == 0xe2 && i + 2 < canonical.length && (canonical[i + 1] & 0xff) == 0x80
          && ((canonical[i + 2] & 0xff) == 0xa8 || (canonical[i + 2] & 0xff) == 0xa9)) {
        unicodeEscape((canonical[i + 2] & 0xff) == 0xa8 ? 0x2028 : 0x2029, out);
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** A Go-encoded JSON string with HTML escaping on, as {@code json.Marshal} writes a Go string. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    String wf = CanonicalJson.wellFormed(s);
    for (int i = 0; i < wf.length(); i++) {
      char c = wf.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Go's {@code json.Indent(dst, compact, "", "    ")} of compact JSON: empty arrays and objects
   * stay {@code []}/{@code {}}, strings are copied untouched.
   */
  public static String indent(String compact) {
    StringBuilder out = new StringBuilder(compact.length() * 2);
    int depth = 0;
    boolean inString = false;
    boolean needIndent = false;
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(compact.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (needIndent && c != ']' && c != '}') {
        newline(out, depth);
        needIndent = false;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          out.append(c);
        }
        case '[', '{' -> {
          out.append(c);
          depth++;
          needIndent = true;
        }
        case ']', '}' -> {
          depth--;
          if (needIndent) {
            needIndent = false; // empty: [] or {}
          } else {
            newline(out, depth);
          }
          out.append(c);
        }
        case ',' -> {
          out.append(c);
          newline(out, depth);
        }
        case ':' -> out.append(": ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n').append("    ".repeat(depth));
  }

  private static void unicodeEscape(int c, ByteArrayOutputStream out) {
    out.write('\\');
    out.write('u');
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.write(HEX[(c >> shift) & 0xf]);
    }
  }
}
