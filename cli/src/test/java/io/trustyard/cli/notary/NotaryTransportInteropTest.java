package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.trustyard.cli.notary.NotaryClis.Result;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.trustserver.config.GeneratedTls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How both CLIs reach a trust server: a client certificate ({@code --tlscert}/{@code --tlskey} or
 * the config's {@code tls_client_cert}/{@code tls_client_key}), {@code skipTLSVerify}, and
 * {@code NOTARY_AUTH} basic credentials. The server is a stub that records what each request
 * presented and answers every metadata request with 404, so both CLIs end with the same message.
 */
class NotaryTransportInteropTest {
  private static final String GUN = "example.com/transport/app";

  @TempDir Path dir;
  private HttpsServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A stub server for 127.0.0.1; with {@code clientCert} it demands that certificate, with {@code basic} those credentials. */
  private String start(GeneratedTls tls, X509Certificate clientCert, X509Certificate clientCa, String basic)
      throws Exception {
    SSLContext ssl = SSLContext.getInstance("TLS");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", EncryptedKeyFiles.read(Files.readAllBytes(tls.serverKey), null).key().jcaKey(),
        new char[0], new java.security.cert.Certificate[] {certificate(tls.serverCert)});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    ssl.init(kmf.getKeyManagers(), clientCert == null ? null : new javax.net.ssl.TrustManager[] {only(clientCert, clientCa)}, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
      @Override
      public void configure(HttpsParameters params) {
        var p = ssl.getDefaultSSLParameters();
        p.setNeedClientAuth(clientCert != null);
        params.setSSLParameters(p);
      }
    });
    server.createContext("/", exchange -> answer(exchange, basic));
    server.start();
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange, String basic) throws IOException {
    String client = "no client certificate";
    try {
      client = ((X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0])
          .getSubjectX500Principal().getName();
    } catch (SSLPeerUnverifiedException e) {
      // recorded as such
    }
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    String path = exchange.getRequestURI().getPath();
    seen.add(path + " | " + client + " | " + auth);
    exchange.getRequestBody().readAllBytes();
    if (basic != null && !("Basic " + basic).equals(auth)) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"notary\"");
      exchange.sendResponseHeaders(401, -1);
    } else if (path.equals("/v2/") || exchange.getRequestMethod().equals("DELETE")) {
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } else {
      byte[] body = "{\"errors\":[{\"code\":\"METADATA_NOT_FOUND\",\"message\":\"You have requested metadata that does not exist.\"}]}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, body.length);
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  /** Trusts exactly one client certificate, and names its issuer's CA so that clients pick it. */
  private static X509ExtendedTrustManager only(X509Certificate expected, X509Certificate issuer) {
    return new X509ExtendedTrustManager() {
      private void check(X509Certificate[] chain) throws CertificateException {
        if (chain.length == 0 || !chain[0].equals(expected)) {
          throw new CertificateException("not the expected client certificate");
        }
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("server side only");
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("server side only");
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("server side only");
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[] {issuer};
      }
    };
  }

  private static X509Certificate certificate(Path pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
  }

  private GeneratedTls pki(String name) throws IOException {
    return GeneratedTls.ensure(dir.resolve(name), List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(2));
  }

  private Both both(NotaryClis clis, List<String> args) {
    Result theirs = clis.run(concat(List.of("notary"), args));
    int before = seen.size();
    Result ours = clis.ours(concat(List.of(), args));
    return new Both(theirs, ours, seen.size() - before);
  }

  private record Both(Result go, Result ours, int oursRequests) {
    void same() {
      assertThat(ours.exit()).as(ours.output()).isEqualTo(go.exit());
      assertThat(ours.output()).isEqualTo(go.output());
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void bothPresentTheClientCertificateTheServerDemands() throws Exception {
    GeneratedTls tls = pki("server-pki");
    GeneratedTls client = pki("client-pki");
    X509Certificate clientCert = certificate(client.serverCert);
    String url = start(tls, clientCert, certificate(client.caCert), null);
    NotaryClis clis = new NotaryClis(dir, null);
    Path trustDir = dir.resolve("trust");
    Both withCert = both(clis, List.of("-s", url, "--tlscacert", tls.caCert.toString(), "--tlscert",
        client.serverCert.toString(), "--tlskey", client.serverKey.toString(), "-d", trustDir.toString(), "list", GUN));
    withCert.same();
    assertThat(withCert.go.output()).contains("does not have trust data for " + GUN);
    String subject = clientCert.getSubjectX500Principal().getName();
    assertThat(seen).isNotEmpty().allMatch(s -> s.contains(" | " + subject + " | "));
    assertThat(withCert.oursRequests).isPositive();

    // The same from a config file, with paths relative to it.
    Path configDir = Files.createDirectories(dir.resolve("config"));
    Files.copy(tls.caCert, configDir.resolve("ca.crt"));
    Files.copy(client.serverCert, configDir.resolve("client.crt"));
    Files.copy(client.serverKey, configDir.resolve("client.key"));
    Path config = Files.writeString(configDir.resolve("config.json"), """
        {"trust_dir": "%s", "remote_server": {"url": "%s", "root_ca": "ca.crt",
         "tls_client_cert": "client.crt", "tls_client_key": "client.key"}}
        """.formatted(trustDir, url));
    Both fromConfig = both(clis, List.of("-c", config.toString(), "list", GUN));
    fromConfig.same();
    assertThat(fromConfig.ours.output()).isEqualTo(withCert.ours.output());
    assertThat(fromConfig.oursRequests).isPositive();

    // Without it the server refuses the handshake: both fail, nothing reaches the server.
    int before = seen.size();
    Both without = both(clis, List.of("-s", url, "--tlscacert", tls.caCert.toString(), "-d", trustDir.toString(),
        "list", GUN));
    assertThat(without.go.exit()).isEqualTo(1);
    assertThat(without.ours.exit()).isEqualTo(1);
    assertThat(without.ours.lastLine()).startsWith("* fatal: ");
    assertThat(seen).hasSize(before);

    Both half = both(clis, List.of("-s", url, "--tlscacert", tls.caCert.toString(), "--tlscert",
        client.serverCert.toString(), "-d", trustDir.toString(), "list", GUN));
    half.same();
    assertThat(half.ours.lastLine()).isEqualTo("* fatal: either pass both client key and cert, or neither");
  }

  @Test
  void skipTlsVerifyAcceptsAServerNoCaVouchesFor() throws Exception {
    String url = start(pki("server-pki"), null, null, null);
    NotaryClis clis = new NotaryClis(dir, null);
    Path config = Files.writeString(dir.resolve("skip.json"), """
        {"trust_dir": "%s", "remote_server": {"url": "%s", "skipTLSVerify": true}}
        """.formatted(dir.resolve("trust"), url));
    Both skipped = both(clis, List.of("-c", config.toString(), "list", GUN));
    skipped.same();
    assertThat(skipped.ours.output()).contains("does not have trust data for " + GUN);

    Path strict = Files.writeString(dir.resolve("strict.json"), """
        {"trust_dir": "%s", "remote_server": {"url": "%s"}}
        """.formatted(dir.resolve("trust"), url));
    int before = seen.size();
    Result refused = clis.ours(List.of("-c", strict.toString(), "list", GUN));
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.lastLine()).startsWith("* fatal: ").contains("TLS");
    assertThat(seen).hasSize(before);
  }

  @Test
  void notaryAuthLogsInWithBasicCredentials() throws Exception {
    GeneratedTls tls = pki("server-pki");
    String basic = Base64.getEncoder().encodeToString("alice:s3cret pass".getBytes(StandardCharsets.UTF_8));
    String url = start(tls, null, null, basic);
    List<String> globals = List.of("-s", url, "--tlscacert", tls.caCert.toString(), "-d", dir.resolve("trust").toString());
    NotaryClis clis = new NotaryClis(dir, null).withEnv(Map.of("NOTARY_AUTH", basic));
    Both deleted = both(clis, concat(globals, List.of("delete", GUN, "--remote")));
    deleted.same();
    assertThat(deleted.ours.output()).contains("Successfully deleted local and remote trust data for repository " + GUN);
    assertThat(deleted.oursRequests).isPositive();
    assertThat(seen.stream().filter(s -> s.startsWith("/v2/" + GUN + "/_trust/tuf/ |") && s.endsWith("Basic " + basic)))
        .hasSize(2);

    // Reads send the credentials too (notary's reads fail against basic auth: "no basic auth credentials").
    Result read = clis.ours(concat(globals, List.of("list", GUN)));
    assertThat(read.lastLine()).isEqualTo("* fatal: " + url.substring("https://".length())
        + " does not have trust data for " + GUN);
    Result anonymous = new NotaryClis(dir, null).ours(concat(globals, List.of("list", GUN)));
    assertThat(anonymous.exit()).isEqualTo(1);
    assertThat(anonymous.output()).doesNotContain("does not have trust data");
  }
}
