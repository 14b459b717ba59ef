package io.trustyard.cli.image;

import io.trustyard.client.auth.CredentialHelper;
import io.trustyard.client.auth.DockerConfig;
import io.trustyard.client.registry.RegistryClient;
import io.trustyard.client.store.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds the client's pieces from the shared options and the environment. */
public final class ClientContext {

  private final ClientOptions options;
  private final Map<String, String> env;

  public ClientContext(ClientOptions options, Map<String, String> env) {
    this.options = options;
    this.env = env;
  }

  public ImageStore store() {
    return ImageStore.open(options.store != null ? options.store : ImageStore.defaultRoot(env));
  }

  public DockerConfig dockerConfig() {
    return options.config != null
        ? new DockerConfig(options.config.resolve("config.json"), CredentialHelper.onPath(env.get("PATH")))
        : DockerConfig.forUser(env);
  }

  public RegistryClient registry(long chunkSize) {
    Set<String> insecure = new HashSet<>(options.insecure);
    String fromEnv = env.get("TRUSTYARD_INSECURE_REGISTRIES");
    if (fromEnv != null) {
      for (String h : fromEnv.split(",")) {
        if (!h.isBlank()) {
          insecure.add(h.trim());
        }
      }
    }
    RegistryClient.Options o = RegistryClient.Options.defaults(dockerConfig()).withInsecure(insecure)
        .withChunkSize(chunkSize);
    Path ca = options.tlsCa != null ? options.tlsCa
        : env.get("TRUSTYARD_TLS_CA") != null ? Path.of(env.get("TRUSTYARD_TLS_CA")) : null;
    if (ca != null) {
      o = o.withSslContext(sslContext(ca));
    }
    return new RegistryClient(o);
  }

  /** The environment content trust reads, with {@code DOCKER_CONFIG} set from {@code --config}. */
  public Map<String, String> trustEnvironment() {
    Map<String, String> trustEnv = new java.util.HashMap<>(env);
    if (options.config != null) {
      trustEnv.put("DOCKER_CONFIG", options.config.toString());
    }
    return trustEnv;
  }

  /** Trust the JDK's CAs and the given ones. */
  static SSLContext sslContext(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca-" + (i++), c);
      }
      if (i == 0) {
        throw new IllegalArgumentException(caFile + " holds no PEM certificate");
      }
      TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      defaults.init((KeyStore) null);
      for (var tm : defaults.getTrustManagers()) {
        if (tm instanceof javax.net.ssl.X509TrustManager x) {
          for (var c : x.getAcceptedIssuers()) {
            ks.setCertificateEntry("jdk-" + (i++), c);
          }
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read CA certificates from " + caFile + ": " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use CA certificates from " + caFile + ": " + e.getMessage());
    }
  }
}
