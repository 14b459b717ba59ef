package io.trustyard.core.tuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The Go notary vectors (test resources copied from vectors/notary, see its README). */
public final class NotaryVectors {
  public static final String GUN = "example.com/vectors/repo";
  /** Before the vectors' timestamp expires (2026-12-05T23:45:59Z); never the wall clock. */
  public static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  private static final String METADATA = "/vectors/notary/trust_dir/tuf/example.com/vectors/repo/metadata/";

  private NotaryVectors() {}

  /** {@code root}, {@code targets}, {@code snapshot}, {@code timestamp}, {@code targets/releases}. */
  public static byte[] metadata(String role) {
    return resource(METADATA + role + ".json");
  }

  public static byte[] resource(String path) {
    try (InputStream in = NotaryVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
