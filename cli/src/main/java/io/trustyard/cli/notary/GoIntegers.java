package io.trustyard.cli.notary;

import java.math.BigInteger;

/** Integers spelled as notary's flags accept them (Go's {@code strconv.ParseInt(s, 0, 64)}). */
final class GoIntegers {
  private GoIntegers() {}

  /**
   * A signed 64-bit integer in decimal, or with a {@code 0x}, {@code 0o}/{@code 0}, {@code 0b}
   * prefix, underscores allowed between digits when a prefix is given; errors worded as Go's.
   */
  static long parseInt64(String s) {
    String digits = s;
    boolean negative = false;
    if (digits.startsWith("+") || digits.startsWith("-")) {
      negative = digits.startsWith("-");
      digits = digits.substring(1);
    }
    int radix = 10;
    boolean prefixed = true;
    String lower = digits.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      digits = digits.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    } else {
      prefixed = false;
    }
    if (prefixed) {
      if (digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
        throw syntax(s);
      }
      digits = digits.replace("_", "");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c >= 128 || Character.digit(c, radix) < 0) {
        throw syntax(s);
      }
    }
    if (digits.isEmpty()) {
      throw syntax(s);
    }
    BigInteger value = new BigInteger(digits, radix);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() > 63) {
      throw new NotaryCliException("strconv.ParseInt: parsing \"" + s + "\": value out of range");
    }
    return value.longValue();
  }

  private static NotaryCliException syntax(String s) {
    return new NotaryCliException("strconv.ParseInt: parsing \"" + s + "\": invalid syntax");
  }
}
