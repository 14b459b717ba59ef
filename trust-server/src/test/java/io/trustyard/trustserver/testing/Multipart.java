package io.trustyard.trustserver.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data bodies like the Go client's (field {@code files}, role as filename). */
public final class Multipart {
  public static final String BOUNDARY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";
  public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public Multipart file(String filename, byte[] data) {
    return part("Content-Disposition: form-data; name=\"files\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n", data);
  }

  public Multipart part(String headers, byte[] data) {
    out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(data);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public byte[] build() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return copy.toByteArray();
  }
}
