package io.trustyard.client.notary;

import java.util.Comparator;

/**
 * The "natural" order docker sorts tags in: runs of digits compare by numeric value
 * ({@code v2 < v10}), everything else byte by byte.
 */
final class NaturalOrder implements Comparator<String> {
  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (isDigit(x) && isDigit(y)) {
        int ei = digitsEnd(a, i);
        int ej = digitsEnd(b, j);
        String na = stripZeros(a.substring(i, ei));
        String nb = stripZeros(b.substring(j, ej));
        int byValue = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        if (byValue != 0) {
          return byValue;
        }
        // Equal values: fewer leading zeros first.
        if (ei - i != ej - j) {
          return Integer.compare(ei - i, ej - j);
        }
        i = ei;
        j = ej;
        continue;
      }
      if (x != y) {
        return Character.compare(x, y);
      }
      i++;
      j++;
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitsEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }
}
