package io.trustyard.trustserver.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds multipart/form-data bodies like the Go client's (field {@code files}, role as filename). */
final class Multipart {
  static final String BOUNDARY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";
  static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Multipart file(String filename, byte[] data) {
    return part("Content-Disposition: form-data; name=\"files\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n", data);
  }

  Multipart part(String headers, byte[] data) {
    out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(data);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  byte[] build() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return copy.toByteArray();
  }
}
