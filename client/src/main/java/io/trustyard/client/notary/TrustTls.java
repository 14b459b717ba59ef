package io.trustyard.client.notary;

import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for trust servers: the system CAs plus extra CA files ({@code --tlscacert}, the
 * config's {@code root_ca}, and docker's {@code $DOCKER_CONFIG/tls/<host>/*.crt}).
 */
public final class TrustTls {
  private TrustTls() {}

  /** A context trusting the system CAs and the certificates in {@code caFiles}; null when there are none. */
  public static SSLContext withCaFiles(List<Path> caFiles) {
    if (caFiles.isEmpty()) {
      return null;
    }
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      system.init((KeyStore) null);
      int n = 0;
      for (var tm : system.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            anchors.setCertificateEntry("system-" + n++, c);
          }
        }
      }
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Path file : caFiles) {
        try (InputStream in = Files.newInputStream(file)) {
          for (Certificate c : cf.generateCertificates(in)) {
            anchors.setCertificateEntry("ca-" + n++, c);
          }
        } catch (IOException e) {
          throw new TrustException(Kind.TLS, "cannot read the CA certificate file " + file + ": " + e.getMessage(), e);
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(anchors);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new TrustException(Kind.TLS, "cannot set up TLS with the CA files " + caFiles + ": " + e.getMessage(), e);
    }
  }

  /** Docker's per-host CA files: {@code $DOCKER_CONFIG/tls/<host[:port]>/*.crt} (spec/notary.md §6.4). */
  public static List<Path> dockerCaFiles(Map<String, String> env, String hostPort) {
    String config = env.get("DOCKER_CONFIG");
    Path base = config != null && !config.isBlank() ? Path.of(config)
        : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
    Path dir = base.resolve("tls").resolve(hostPort);
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.crt")) {
      s.forEach(files::add);
    } catch (IOException e) {
      throw new TrustException(Kind.TLS, "cannot read " + dir + ": " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }
}
