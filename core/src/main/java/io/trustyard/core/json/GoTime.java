package io.trustyard.core.json;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as Go's {@code time.Time} JSON encoding writes them (RFC 3339 with nanoseconds, trailing
 * fractional zeros trimmed, {@code Z} for UTC, else {@code ±hh:mm}), and the RFC 3339 forms Go
 * accepts when reading. The offset is kept so that a file written in a local zone re-serialises
 * unchanged.
 */
public final class GoTime {
  private static final Pattern RFC3339 = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})");

  private GoTime() {}

  public static String format(OffsetDateTime time) {
    int offsetSeconds = time.getOffset().getTotalSeconds();
    if (time.getYear() < 0 || time.getYear() > 9999) {
      throw new DateTimeException("year outside [0,9999] cannot be written: " + time);
    }
    if (offsetSeconds % 60 != 0) {
      throw new DateTimeException("offset with seconds cannot be written: " + time);
    }
    StringBuilder sb = new StringBuilder(35);
    pad(sb, time.getYear(), 4).append('-');
    pad(sb, time.getMonthValue(), 2).append('-');
    pad(sb, time.getDayOfMonth(), 2).append('T');
    pad(sb, time.getHour(), 2).append(':');
    pad(sb, time.getMinute(), 2).append(':');
    pad(sb, time.getSecond(), 2);
    int nanos = time.getNano();
    if (nanos != 0) {
      StringBuilder frac = pad(new StringBuilder(9), nanos, 9);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    if (offsetSeconds == 0) {
      sb.append('Z');
    } else {
      int minutes = Math.abs(offsetSeconds) / 60;
      sb.append(offsetSeconds < 0 ? '-' : '+');
      pad(sb, minutes / 60, 2).append(':');
      pad(sb, minutes % 60, 2);
    }
    return sb.toString();
  }

  /** Parses an RFC 3339 time with up to nine fractional digits; throws DateTimeException. */
  public static OffsetDateTime parse(String text) {
    Matcher m = RFC3339.matcher(text);
    if (!m.matches()) {
      throw new DateTimeException("not an RFC 3339 time: " + text);
    }
    String fraction = m.group(7) == null ? "" : m.group(7);
    int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
    String zone = m.group(8);
    ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : offset(zone);
    LocalDateTime local = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5),
        num(m, 6), nanos);
    return OffsetDateTime.of(local, offset);
  }

  private static ZoneOffset offset(String zone) {
    int hours = Integer.parseInt(zone.substring(1, 3));
    int minutes = Integer.parseInt(zone.substring(4, 6));
    if (hours > 23 || minutes > 59) {
      throw new DateTimeException("bad time zone offset: " + zone);
    }
    int total = hours * 3600 + minutes * 60;
    return ZoneOffset.ofTotalSeconds(zone.charAt(0) == '-' ? -total : total);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }
}
