package io.trustyard.cli.notary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** notary's {@code (yes/no)} questions: one answer line, "y" or "yes" in any case confirms. */
final class Confirmation {
  private static final int MAX_ANSWER_BYTES = 1024;

  private Confirmation() {}

  /** Prints {@code question} on {@code out} and reads the answer from {@code in}. */
  static boolean ask(PrintWriter out, String question, InputStream in) {
    out.print(question);
    out.flush();
    return confirmed(in);
  }

  /** Reads one line (byte by byte, so later questions still find their answers); end of input is "no". */
  static boolean confirmed(InputStream in) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      for (int b = in.read(); b != -1 && b != '\n' && line.size() < MAX_ANSWER_BYTES; b = in.read()) {
        line.write(b);
      }
    } catch (IOException e) {
      return false;
    }
    String answer = line.toString(StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
    return answer.equals("y") || answer.equals("yes");
  }
}
