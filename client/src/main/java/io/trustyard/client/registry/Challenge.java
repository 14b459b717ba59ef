package io.trustyard.client.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One {@code WWW-Authenticate} challenge: a scheme ("bearer", "basic") and its parameters. */
public record Challenge(String scheme, Map<String, String> params) {

  public Challenge {
    scheme = scheme.toLowerCase(Locale.ROOT);
    params = Map.copyOf(params);
  }

  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  public boolean isBasic() {
    return scheme.equals("basic");
  }

  public String param(String name) {
    return params.get(name);
  }

  /**
   * Parses the values of every {@code WWW-Authenticate} header (RFC 7235: several challenges may
   * share one header, separated by commas, and parameter values may be quoted).
   */
  public static List<Challenge> parse(List<String> headers) {
    List<Challenge> challenges = new ArrayList<>();
    for (String header : headers) {
      parseOne(header, challenges);
    }
    return challenges;
  }

  private static void parseOne(String header, List<Challenge> out) {
    int pos = 0;
    int n = header.length();
    String scheme = null;
    Map<String, String> params = new LinkedHashMap<>();
    while (pos < n) {
      while (pos < n && (header.charAt(pos) == ' ' || header.charAt(pos) == ',')) {
        pos++;
      }
      if (pos >= n) {
        break;
      }
      int start = pos;
      while (pos < n && isTokenChar(header.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        // Stray characters: skip them, and a quoted string as a whole.
        if (header.charAt(pos) == '"') {
          pos = header.indexOf('"', pos + 1) < 0 ? n : header.indexOf('"', pos + 1) + 1;
        } else {
          pos++;
        }
        continue;
      }
      String token = header.substring(start, pos);
      int look = pos;
      while (look < n && header.charAt(look) == ' ') {
        look++;
      }
      if (look < n && header.charAt(look) == '=') {
        pos = look + 1;
        while (pos < n && header.charAt(pos) == ' ') {
          pos++;
        }
        StringBuilder value = new StringBuilder();
        if (pos < n && header.charAt(pos) == '"') {
          pos++;
          while (pos < n && header.charAt(pos) != '"') {
            if (header.charAt(pos) == '\\' && pos + 1 < n) {
              pos++;
            }
            value.append(header.charAt(pos++));
          }
          pos++;
        } else {
          while (pos < n && header.charAt(pos) != ',') {
            value.append(header.charAt(pos++));
          }
        }
        params.put(token.toLowerCase(Locale.ROOT), value.toString().trim());
      } else {
        if (scheme != null) {
          out.add(new Challenge(scheme, params));
        }
        scheme = token;
        params = new LinkedHashMap<>();
        pos = look;
      }
    }
    if (scheme != null) {
      out.add(new Challenge(scheme, params));
    }
  }

  private static boolean isTokenChar(char c) {
    return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={} ".indexOf(c) < 0;
  }
}
