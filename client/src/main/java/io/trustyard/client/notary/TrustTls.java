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
import java.util.Optional;
import java.net.Socket;
import java.security.PrivateKey;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.crypto.TufCryptoException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for trust servers: the system CAs plus extra CA files ({@code --tlscacert}, the config's
 * {@code root_ca}, and docker's {@code $DOCKER_CONFIG/tls/<host>/*.crt}), and a client
 * certificate for servers that ask for one.
 */
public final class TrustTls {
  private TrustTls() {}

  /** A context trusting the system CAs and the certificates in {@code caFiles}; null when there are none. */
  public static SSLContext withCaFiles(List<Path> caFiles) {
    if (caFiles.isEmpty()) {
      return null;
    }
    return context(caFiles, Optional.empty(), false);
  }

  /** A client certificate chain and its unencrypted private key (PEM files), as notary's {@code --tlscert}/{@code --tlskey}. */
  public record ClientCertificate(Path certificateFile, Path keyFile) {}

  /**
   * A context for the notary CLI's TLS options: the system CAs plus {@code caFiles}, a client
   * certificate to present when the server asks for one, and with {@code skipVerify} (the
   * config's {@code skipTLSVerify}) no check of the server's certificate or host name at all.
   */
  public static SSLContext context(List<Path> caFiles, Optional<ClientCertificate> client, boolean skipVerify) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      KeyManager[] keyManagers = client.isPresent() ? keyManagers(client.get()) : null;
      ctx.init(keyManagers, skipVerify ? new TrustManager[] {new TrustEverything()} : trustManagers(caFiles), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new TrustException(Kind.TLS, "cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyManager[] keyManagers(ClientCertificate client) throws GeneralSecurityException {
    List<Certificate> chain = new ArrayList<>();
    try (InputStream in = Files.newInputStream(client.certificateFile())) {
      chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
    } catch (IOException e) {
      throw new TrustException(Kind.TLS, "cannot read the TLS client certificate " + client.certificateFile() + ": "
          + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new TrustException(Kind.TLS, client.certificateFile() + " holds no certificate");
    }
    PrivateKey key;
    try {
      byte[] pem = Files.readAllBytes(client.keyFile());
      if (pem.length > Pem.MAX_PEM_BYTES) {
        throw new TrustException(Kind.TLS, client.keyFile() + " is too large to be a key file");
      }
      key = EncryptedKeyFiles.read(pem, null).key().jcaKey();
    } catch (IOException e) {
      throw new TrustException(Kind.TLS, "cannot read the TLS client key " + client.keyFile() + ": " + e.getMessage(), e);
    } catch (TufCryptoException e) {
      throw new TrustException(Kind.TLS, "cannot use the TLS client key " + client.keyFile() + ": " + e.getMessage(), e);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    char[] none = new char[0];
    store.setKeyEntry("client", key, none, chain.toArray(Certificate[]::new));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, none);
    return kmf.getKeyManagers();
  }

  private static TrustManager[] trustManagers(List<Path> caFiles) throws GeneralSecurityException {
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
      return tmf.getTrustManagers();
    } catch (IOException e) {
      throw new TrustException(Kind.TLS, "cannot set up TLS with the CA files " + caFiles + ": " + e.getMessage(), e);
    }
  }

  /** Accepts any server certificate for any host name: only when the user asked for it (skipTLSVerify). */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
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
