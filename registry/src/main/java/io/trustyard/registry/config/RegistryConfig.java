package io.trustyard.registry.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The registry's configuration, read from a JSON file. Relative paths are resolved against the
 * file's directory. Every field has a default, so {@code {}} is a working sandbox registry.
 *
 * <pre>{@code
 * {
 *   "host": "0.0.0.0", "port": 5000,
 *   "storage": {"type": "filesystem", "root": "/var/lib/trustyard/registry"},
 *   "tls": {"certificate": "cert.pem", "key": "key.pem"},
 *   "auth": {"type": "none" | "htpasswd" | "token", ...},
 *   "strictDigests": false, "deleteEnabled": true,
 *   "uploadPurging": {"maxAgeHours": 168, "intervalHours": 24}
 * }
 * }</pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RegistryConfig(
    @JsonProperty("host") String host,
    @JsonProperty("port") Integer port,
    @JsonProperty("storage") Storage storage,
    @JsonProperty("tls") TlsFiles tls,
    @JsonProperty("auth") Auth auth,
    @JsonProperty("strictDigests") Boolean strictDigests,
    @JsonProperty("deleteEnabled") Boolean deleteEnabled,
    @JsonProperty("uploadPurging") UploadPurging uploadPurging) {

  public static final int DEFAULT_PORT = 5000;
  private static final int MAX_CONFIG_BYTES = 1024 * 1024;

  public RegistryConfig {
    host = host == null ? "0.0.0.0" : host;
    port = port == null ? DEFAULT_PORT : port;
    storage = storage == null ? new Storage("filesystem", "registry-data", null, null, null, null, null, null, null)
        : storage;
    auth = auth == null ? new Auth("none", null, null, null, null, null, null, null, null) : auth;
    strictDigests = strictDigests != null && strictDigests;
    deleteEnabled = deleteEnabled == null || deleteEnabled;
    uploadPurging = uploadPurging == null ? new UploadPurging(168, 24) : uploadPurging;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535");
    }
  }

  /** Where blobs live: a directory, or an S3 bucket. */
  public record Storage(String type, String root, String bucket, String region, String endpoint,
      String accessKey, String secretKey, String prefix, Boolean pathStyle) {}

  /** PEM files: the certificate chain and the unencrypted PKCS#8 private key. */
  public record TlsFiles(String certificate, String key) {}

  /**
   * {@code none}; {@code htpasswd} (bcrypt entries in {@code htpasswd}); or {@code token}: bearer
   * tokens from {@code realm} for {@code service}, issued by {@code issuer}, verified with the
   * public key in {@code publicKey}; with {@code signingKey} set the registry also serves the
   * token endpoint at {@code /token}, authenticating users against {@code htpasswd} (anonymous users
   * get {@code anonymousActions} on every repository, e.g. ["pull"]).
   */
  public record Auth(String type, String realm, String service, String issuer, String htpasswd,
      String publicKey, String signingKey, java.util.List<String> anonymousActions, Integer tokenSeconds) {}

  public record UploadPurging(Integer maxAgeHours, Integer intervalHours) {}

  public static RegistryConfig defaults() {
    return new RegistryConfig(null, null, null, null, null, null, null, null);
  }

  /** Reads a config file; paths inside are resolved against its directory. */
  public static RegistryConfig read(Path file) throws IOException {
    if (Files.size(file) > MAX_CONFIG_BYTES) {
      throw new IOException(file + " is larger than " + MAX_CONFIG_BYTES + " bytes");
    }
    ObjectMapper mapper = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    RegistryConfig c = mapper.readValue(Files.readAllBytes(file), RegistryConfig.class);
    return c.resolvedAgainst(file.toAbsolutePath().getParent());
  }

  /** This config with relative file paths made absolute against {@code base}. */
  public RegistryConfig resolvedAgainst(Path base) {
    Storage s = storage.root() == null ? storage : new Storage(storage.type(), resolve(base, storage.root()),
        storage.bucket(), storage.region(), storage.endpoint(), storage.accessKey(), storage.secretKey(),
        storage.prefix(), storage.pathStyle());
    TlsFiles t = tls == null ? null : new TlsFiles(resolve(base, tls.certificate()), resolve(base, tls.key()));
    Auth a = new Auth(auth.type(), auth.realm(), auth.service(), auth.issuer(), resolve(base, auth.htpasswd()),
        resolve(base, auth.publicKey()), resolve(base, auth.signingKey()), auth.anonymousActions(),
        auth.tokenSeconds());
    return new RegistryConfig(host, port, s, t, a, strictDigests, deleteEnabled, uploadPurging);
  }

  private static String resolve(Path base, String path) {
    return path == null ? null : base.resolve(path).toString();
  }

  public RegistryConfig withPort(int newPort) {
    return new RegistryConfig(host, newPort, storage, tls, auth, strictDigests, deleteEnabled, uploadPurging);
  }

  public RegistryConfig withHost(String newHost) {
    return new RegistryConfig(newHost, port, storage, tls, auth, strictDigests, deleteEnabled, uploadPurging);
  }

  public RegistryConfig withFilesystemRoot(Path root) {
    return new RegistryConfig(host, port, new Storage("filesystem", root.toString(), null, null, null, null, null,
        null, null), tls, auth, strictDigests, deleteEnabled, uploadPurging);
  }

  public RegistryConfig withAuth(Auth newAuth) {
    return new RegistryConfig(host, port, storage, tls, newAuth, strictDigests, deleteEnabled, uploadPurging);
  }

  public RegistryConfig withStrictDigests(boolean strict) {
    return new RegistryConfig(host, port, storage, tls, auth, strict, deleteEnabled, uploadPurging);
  }
}
