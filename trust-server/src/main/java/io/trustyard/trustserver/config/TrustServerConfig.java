package io.trustyard.trustserver.config;

import io.trustyard.trustserver.http.CacheSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The trust server's settings, in notary-server's terms (spec §6.1). Read from a notary-server
 * JSON config file as it is ({@link NotaryServerConfigFile}), or {@link #defaults} when there is
 * none: TLS on 127.0.0.1:4443 with a generated certificate, SQLite and a local signer in the data
 * directory.
 */
public record TrustServerConfig(
    String host,
    int port,
    Optional<Path> tlsCertFile,
    Optional<Path> tlsKeyFile,
    Optional<Path> clientCaFile,
    /** {@code local}: keys in our own key store, in this process; {@code remote}: a notary-signer over gRPC. */
    String trustType,
    String signerHost,
    int signerPort,
    String keyAlgorithm,
    Optional<Path> signerCaFile,
    Optional<Path> signerClientCert,
    Optional<Path> signerClientKey,
    /** {@code memory}, {@code sqlite3}, {@code postgres} or {@code mysql}. */
    String storageBackend,
    String dbUrl,
    Optional<TokenAuthConfig> auth,
    CacheSettings cache,
    List<String> gunPrefixes,
    /** True when no TLS files are configured and none should be generated (plain HTTP, as notary without certs). */
    boolean plainHttp) {

  public static final int DEFAULT_PORT = 4443;

  public TrustServerConfig {
    gunPrefixes = List.copyOf(gunPrefixes);
  }

  /** Trustyard's own defaults: everything under {@code dataDir}. */
  public static TrustServerConfig defaults(Path dataDir) {
    return new TrustServerConfig("127.0.0.1", DEFAULT_PORT, Optional.empty(), Optional.empty(), Optional.empty(),
        "local", "", 0, "ecdsa", Optional.empty(), Optional.empty(), Optional.empty(),
        "sqlite3", dataDir.resolve("trust-server.db").toString(), Optional.empty(), CacheSettings.DEFAULT, List.of(), false);
  }

  public TrustServerConfig withListen(String newHost, int newPort) {
    return new TrustServerConfig(newHost, newPort, tlsCertFile, tlsKeyFile, clientCaFile, trustType, signerHost,
        signerPort, keyAlgorithm, signerCaFile, signerClientCert, signerClientKey, storageBackend, dbUrl, auth, cache,
        gunPrefixes, plainHttp);
  }

  /** notary's token auth options ({@code auth.options}). */
  public record TokenAuthConfig(String realm, String service, String issuer, Path rootCertBundle, boolean autoRedirect) {}
}
