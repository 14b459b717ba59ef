package io.trustyard.trustserver.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small multipart/form-data parser for the atomic update, over a body already read within its
 * size bound. It keeps the raw {@code filename} parameter (slashes included: delegation roles are
 * sent as {@code targets/releases}), which many multipart libraries, and Go 1.17+, cut down.
 */
public final class MultipartForm {

  /** One part: its raw {@code filename} parameter (absent if none or unparsable) and its body. */
  public record Part(Optional<String> filename, boolean dispositionValid, byte[] body) {}

  /** The body is not multipart as declared. */
  public static final class MalformedException extends Exception {
    public MalformedException(String message) {
      super(message);
    }
  }

  private MultipartForm() {}

  /** The boundary of a {@code multipart/form-data} or {@code multipart/mixed} Content-Type, as Go accepts. */
  public static Optional<String> boundary(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    if (!type.equals("multipart/form-data") && !type.equals("multipart/mixed")) {
      return Optional.empty();
    }
    Map<String, String> params = semi < 0 ? Map.of() : parseParams(contentType.substring(semi + 1));
    if (params == null) {
      return Optional.empty();
    }
    String b = params.get("boundary");
    return b == null || b.isEmpty() || b.length() > 70 ? Optional.empty() : Optional.of(b);
  }

  public static List<Part> parse(byte[] body, String boundary) throws MalformedException {
    byte[] dash = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, dash, 0);
    // The first delimiter must start the body or a line (anything before it is preamble).
    while (pos > 0 && body[pos - 1] != '\n') {
      pos = indexOf(body, dash, pos + 1);
    }
    if (pos < 0) {
      throw new MalformedException("no multipart boundary in the body");
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      int after = pos + dash.length;
      if (startsWith(body, after, "--")) {
        return parts;
      }
      int lineEnd = indexOf(body, new byte[] {'\n'}, after);
      if (lineEnd < 0) {
        throw new MalformedException("multipart body ends inside a delimiter line");
      }
      int headersStart = lineEnd + 1;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart - 2);
      int contentStart;
      if (headersEnd >= 0 && headersEnd <= headersStart - 2) {
        contentStart = headersStart + 2; // no headers at all
        headersEnd = headersStart;
      } else if (headersEnd < 0) {
        throw new MalformedException("multipart part without a header end");
      } else {
        contentStart = headersEnd + 4;
      }
      byte[] delimiter = concat("\r\n".getBytes(StandardCharsets.ISO_8859_1), dash);
      int next = indexOf(body, delimiter, contentStart);
      if (next < 0) {
        throw new MalformedException("multipart body has no closing boundary");
      }
      String headers = new String(body, headersStart, Math.max(0, headersEnd - headersStart), StandardCharsets.UTF_8);
      parts.add(part(headers, Arrays.copyOfRange(body, contentStart, next)));
      pos = next + 2;
    }
  }

  private static Part part(String headers, byte[] content) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
        String value = line.substring(colon + 1).trim();
        int semi = value.indexOf(';');
        if (semi < 0) {
          return new Part(Optional.empty(), !value.isEmpty(), content);
        }
        Map<String, String> params = parseParams(value.substring(semi + 1));
        if (params == null) {
          return new Part(Optional.empty(), false, content);
        }
        return new Part(Optional.ofNullable(params.get("filename")), true, content);
      }
    }
    return new Part(Optional.empty(), false, content);
  }

  /** RFC 2045/2183 parameters: {@code ; name=token} or {@code ; name="quoted \" string"}; null if malformed. */
  static Map<String, String> parseParams(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == ';')) {
        i++;
      }
      if (i >= n) {
        return out;
      }
      int eq = s.indexOf('=', i);
      if (eq < 0) {
        return null;
      }
      String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || !isToken(name)) {
        return null;
      }
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < n && s.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = s.charAt(i++);
          if (c == '\\' && i < n) {
            value.append(s.charAt(i++));
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            value.append(c);
          }
        }
        if (!closed) {
          return null;
        }
      } else {
        int start = i;
        while (i < n && s.charAt(i) != ';' && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
          i++;
        }
        String token = s.substring(start, i);
        if (token.isEmpty() || !isToken(token)) {
          return null;
        }
        value.append(token);
      }
      if (out.containsKey(name)) {
        return null; // Go rejects duplicate parameters
      }
      out.put(name, value.toString());
    }
  }

  private static boolean isToken(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] body, int at, String s) {
    if (at + s.length() > body.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (body[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
