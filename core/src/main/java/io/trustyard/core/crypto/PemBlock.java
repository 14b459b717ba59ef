package io.trustyard.core.crypto;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One PEM block: its type ("CERTIFICATE", "ENCRYPTED PRIVATE KEY"...), headers in file order, DER bytes. */
public record PemBlock(String type, Map<String, String> headers, byte[] bytes) {
  public PemBlock {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PemBlock b
        && type.equals(b.type)
        && headers.equals(b.headers)
        && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PemBlock[" + type + ", headers=" + headers.keySet() + ", " + bytes.length + " bytes]";
  }
}
