package io.trustyard.trustserver.interop;

import io.trustyard.trustserver.config.GeneratedTls;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** A throwaway CA and a server certificate for 127.0.0.1/localhost, written as PEM files. */
public final class TestPki {
  public final Path caCert;
  public final Path serverCert;
  public final Path serverKey;

  private TestPki(Path caCert, Path serverCert, Path serverKey) {
    this.caCert = caCert;
    this.serverCert = serverCert;
    this.serverKey = serverKey;
  }

  public static TestPki create(Path dir) throws Exception {
    GeneratedTls tls = GeneratedTls.ensure(dir, List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(2));
    return new TestPki(tls.caCert, tls.serverCert, tls.serverKey);
  }

  static String pem(Object o) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    }
    return w.toString();
  }
}
