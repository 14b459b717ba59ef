package io.trustyard.benchmark;

import io.trustyard.client.notary.TrustTls;
import io.trustyard.signer.config.LocalPki;
import io.trustyard.signer.grpc.ClientTls;
import io.trustyard.signer.grpc.RemoteKeyService;
import io.trustyard.signer.keys.SqlKeyStore;
import io.trustyard.store.Database;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import io.trustyard.trustserver.config.GeneratedTls;
import io.trustyard.trustserver.storage.SqlMetadataStore;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * notary-server + notary-signer 0.7 (Debian) beside Trustyard's trust server + signer ({@code trustyard
 * serve trust-server|signer} from the CLI jar), four processes on loopback. Both pairs run the same
 * notary config files (apart from ports and databases): the trust server over TLS from one test CA,
 * a remote signer over mutual TLS from another, every store on its own fresh PostgreSQL database
 * (dropped at the end). Shared by the trust, signer and CLI groups; the memory group reads its peaks.
 */
final class TrustStack implements AutoCloseable, PeakRss {
  static final String PEER = "notary-server 0.7";
  static final String PEER_SIGNER = "notary-signer 0.7";
  static final String PASSPHRASE = "bench signer passphrase";

  final Path dir;
  final Path ca;
  final LocalPki signerPki;
  final Side peer;
  final Side ours;
  final SSLContext tls;
  private final List<AutoCloseable> resources;

  /** One implementation's pair of servers. */
  record Side(String name, String signerName, String url, int signerPort, ServerProcess server,
      ServerProcess signer) {}

  private TrustStack(Path dir, Path ca, LocalPki signerPki, Side peer, Side ours, List<AutoCloseable> resources) {
    this.dir = dir;
    this.ca = ca;
    this.signerPki = signerPki;
    this.peer = peer;
    this.ours = ours;
    this.tls = TrustTls.withCaFiles(List.of(ca));
    this.resources = resources;
  }

  /** Peer first, then ours. */
  List<Side> both() {
    return List.of(peer, ours);
  }

  /** Rounds per figure: at most two, so that the trust, signer and CLI groups stay within about five minutes. */
  static int rounds(BenchEnv env) {
    return Math.min(env.repeats, 2);
  }

  HttpClient http() {
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A client of {@code side}'s signer over mutual TLS (the trust server's client certificate). */
  RemoteKeyService signerClient(Side side) {
    return RemoteKeyService.connect("127.0.0.1", side.signerPort(),
        ClientTls.mutual(signerPki.ca(), signerPki.clientCert(), signerPki.clientKey()).withServerName("notarysigner"),
        Duration.ofSeconds(30));
  }

  static TrustStack start(BenchEnv env) throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Path dir = Files.createDirectories(env.work.resolve("trust"));
      GeneratedTls serverTls = GeneratedTls.ensure(dir.resolve("server-tls"), List.of("localhost"),
          List.of("127.0.0.1"), Duration.ofDays(2));
      LocalPki signerPki = LocalPki.ensure(dir.resolve("signer-tls"), new SecureRandom(), Clock.systemUTC());
      // The notary configs below ask for errors only.
      String quiet = Trustyard.warningsOnly(dir);
      Map<String, String> signerEnv = Map.of("NOTARY_SIGNER_TIMESTAMP_1", PASSPHRASE);

      Side[] sides = new Side[2];
      for (int s = 0; s < 2; s++) {
        boolean mine = s == 1;
        String tag = mine ? "trustyard" : "notary";
        TestDatabase serverDb = TestDatabases.postgres();
        resources.add(serverDb);
        TestDatabase signerDb = TestDatabases.postgres();
        resources.add(signerDb);
        if (!mine) {
          // notary-server and notary-signer ship no migrations; ours make their tables (same schema).
          try (Database db = serverDb.open()) {
            SqlMetadataStore.migrateSchema(db);
          }
          try (Database db = signerDb.open()) {
            SqlKeyStore.open(db, Clock.systemUTC());
          }
        }
        int signerPort = ServerProcess.freePort();
        Path signerConfig = dir.resolve(tag + "-signer.json");
        Files.writeString(signerConfig, """
            {"server": {"grpc_addr": "127.0.0.1:%d", "tls_cert_file": "%s", "tls_key_file": "%s", "client_ca_file": "%s"},
             "logging": {"level": "error"},
             "storage": {"backend": "postgres", "db_url": "%s?sslmode=disable", "default_alias": "timestamp_1"}}
            """.formatted(signerPort, signerPki.signerCert(), signerPki.signerKey(), signerPki.ca(), signerDb.urlText()));
        Path signerLog = dir.resolve(tag + "-signer.log");
        ServerProcess signer = ServerProcess.start(mine ? "Trustyard signer" : PEER_SIGNER, mine
            ? Trustyard.javaCommand(List.of(quiet), "serve", "signer", "--config",
                signerConfig.toString())
            : List.of("notary-signer", "-config", signerConfig.toString()), signerLog, signerEnv);
        resources.add(signer);

        int port = ServerProcess.freePort();
        Path serverConfig = dir.resolve(tag + "-server.json");
        Files.writeString(serverConfig, """
            {"server": {"http_addr": "127.0.0.1:%d", "tls_cert_file": "%s", "tls_key_file": "%s"},
             "trust_service": {"type": "remote", "hostname": "127.0.0.1", "port": "%d", "key_algorithm": "ecdsa",
               "tls_ca_file": "%s", "tls_client_cert": "%s", "tls_client_key": "%s"},
             "logging": {"level": "error"},
             "storage": {"backend": "postgres", "db_url": "%s?sslmode=disable"}}
            """.formatted(port, serverTls.serverCert, serverTls.serverKey, signerPort, signerPki.ca(),
            signerPki.clientCert(), signerPki.clientKey(), serverDb.urlText()));
        // The signer first: a trust server asks it for keys from its first request on.
        awaitSigner(signer, signerPort, signerPki);
        ServerProcess server = ServerProcess.start(mine ? "Trustyard trust server" : PEER, mine
            ? Trustyard.javaCommand(List.of(quiet), "serve", "trust-server",
                "--config", serverConfig.toString())
            : List.of("notary-server", "-config", serverConfig.toString(), "-logf", "logfmt"),
            dir.resolve(tag + "-server.log"), Map.of());
        resources.add(server);
        String url = "https://127.0.0.1:" + port;
        server.awaitHttp(url + "/_notary_server/health", code -> code == 200,
            HttpClient.newBuilder().sslContext(TrustTls.withCaFiles(List.of(serverTls.caCert)))
                .connectTimeout(Duration.ofSeconds(1)).build());
        sides[s] = new Side(mine ? "Trustyard trust server" : PEER, mine ? "Trustyard signer" : PEER_SIGNER, url,
            signerPort, server, signer);
      }
      return new TrustStack(dir, serverTls.caCert, signerPki, sides[0], sides[1], resources);
    } catch (Exception e) {
      closeAll(resources);
      throw e;
    }
  }

  private static void awaitSigner(ServerProcess signer, int port, LocalPki pki) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    try (RemoteKeyService client = RemoteKeyService.connect("127.0.0.1", port,
        ClientTls.mutual(pki.ca(), pki.clientCert(), pki.clientKey()).withServerName("notarysigner"),
        Duration.ofSeconds(2))) {
      while (System.nanoTime() < deadline) {
        if (!signer.process.isAlive()) {
          throw new IllegalStateException(signer.name + " exited: " + Files.readString(signer.log));
        }
        try {
          if (client.healthy()) {
            return;
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
        signer.process.waitFor(200, TimeUnit.MILLISECONDS);
      }
    }
    throw new IllegalStateException(signer.name + " not healthy within 90 s: " + Files.readString(signer.log));
  }

  @Override
  public List<Figure> peakRss() {
    return List.of(
        new Figure("trust server peak RSS", "MiB", PEER, peer.server().peakRssMiB(), ours.server().peakRssMiB(),
            false, 2, null),
        new Figure("signer peak RSS", "MiB", PEER_SIGNER, peer.signer().peakRssMiB(), ours.signer().peakRssMiB(),
            false, 2, null));
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  /** Last opened first: servers before their databases are dropped. */
  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        System.err.println("bench: stopping " + resources.get(i) + " failed: " + e);
      }
    }
    resources.clear();
  }
}
