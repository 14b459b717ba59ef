package io.trustyard.signer.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a signer runs: what notary-signer's {@code signer-config.json} says (spec §6.2), or
 * Trustyard's defaults.
 *
 * @param host listen host ("" = every interface, as notary's {@code ":7899"})
 * @param backend {@code memory}, {@code sqlite3}, {@code postgres} or {@code mysql}
 * @param dbUrl notary's {@code storage.db_url} (a file for sqlite3), empty for memory
 * @param defaultAlias the passphrase alias new keys are encrypted under
 * @param tls empty in Trustyard's defaults: the signer then makes its own CA in {@code dataDir}
 * @param dataDir where Trustyard's defaults keep the database, TLS files and passphrase
 * @param http where to serve health and Prometheus metrics over plain HTTP (notary-signer's
 *     {@code server.http_addr}); empty for none
 */
public record SignerConfig(
    String host,
    int port,
    Optional<TlsFiles> tls,
    String backend,
    Optional<String> dbUrl,
    String defaultAlias,
    Optional<String> logLevel,
    Optional<Path> dataDir,
    Optional<ListenAddress> http) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7899;
  public static final String DEFAULT_ALIAS = "timestamp_1";

  public SignerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(dbUrl, "dbUrl");
    Objects.requireNonNull(defaultAlias, "defaultAlias");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(http, "http");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range");
    }
  }

  /** A signer without an HTTP listener. */
  public SignerConfig(String host, int port, Optional<TlsFiles> tls, String backend, Optional<String> dbUrl,
      String defaultAlias, Optional<String> logLevel, Optional<Path> dataDir) {
    this(host, port, tls, backend, dbUrl, defaultAlias, logLevel, dataDir, Optional.empty());
  }

  /** The same signer, its gRPC listener moved. */
  public SignerConfig withGrpc(ListenAddress grpc) {
    return new SignerConfig(grpc.host(), grpc.port(), tls, backend, dbUrl, defaultAlias, logLevel, dataDir, http);
  }

  /** The same signer, serving health and metrics on {@code address}. */
  public SignerConfig withHttp(ListenAddress address) {
    return new SignerConfig(host, port, tls, backend, dbUrl, defaultAlias, logLevel, dataDir, Optional.of(address));
  }

  /** Trustyard's defaults: loopback port 7899, SQLite and a local CA under {@code dataDir}. */
  public static SignerConfig defaults(Path dataDir) {
    return new SignerConfig(DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), "sqlite3",
        Optional.of(dataDir.resolve("signer.db").toString()), DEFAULT_ALIAS, Optional.empty(), Optional.of(dataDir));
  }

  /** The signer's certificate and key, and the CA client certificates must chain to (optional in notary). */
  public record TlsFiles(Path certChain, Path privateKey, Optional<Path> clientCa) {
    public TlsFiles {
      Objects.requireNonNull(certChain, "certChain");
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(clientCa, "clientCa");
    }
  }
}
