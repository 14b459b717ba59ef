package io.trustyard.trustserver.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Go's {@code time.RFC1123} as notary-server writes {@code Last-Modified}: zone abbreviation {@code UTC}, not {@code GMT}. */
public final class HttpDates {
  private static final DateTimeFormatter RFC1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** Go's zero time, used when a stored row has no timestamp. */
  private static final String ZERO = "Mon, 01 Jan 0001 00:00:00 UTC";

  private HttpDates() {}

  public static String rfc1123(Instant t) {
    return t == null ? ZERO : RFC1123.format(t);
  }
}
