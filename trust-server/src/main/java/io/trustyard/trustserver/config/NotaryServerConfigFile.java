package io.trustyard.trustserver.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.signer.config.ListenAddress;
import io.trustyard.trustserver.http.CacheSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads notary-server's JSON configuration (spec §6.1) as notary does: relative paths are relative
 * to the file, every key can be overridden by {@code NOTARY_SERVER_<KEY_WITH_UNDERSCORES>} in the
 * environment, and the required keys are checked with messages that name them.
 */
public final class NotaryServerConfigFile {
  private static final long MAX_CONFIG_BYTES = 1 << 20;

  private NotaryServerConfigFile() {}

  public static TrustServerConfig read(Path file, Map<String, String> env) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_CONFIG_BYTES) {
        throw new ConfigException(file + " is larger than " + MAX_CONFIG_BYTES + " bytes");
      }
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read the configuration " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(file + " is not a JSON object");
    }
    Path base = file.toAbsolutePath().getParent();
    Reader r = new Reader(root, env);

    String addr = r.string("server.http_addr").orElseThrow(() -> new ConfigException("server.http_addr is required"));
    ListenAddress listen;
    try {
      listen = ListenAddress.parse(addr, "server.http_addr");
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    Optional<Path> cert = r.string("server.tls_cert_file").map(base::resolve);
    Optional<Path> key = r.string("server.tls_key_file").map(base::resolve);
    if (cert.isPresent() != key.isPresent()) {
      throw new ConfigException("server.tls_cert_file and server.tls_key_file must be given together");
    }
    Optional<Path> clientCa = r.string("server.client_ca_file").map(base::resolve);

    String trustType = r.string("trust_service.type").orElseThrow(() -> new ConfigException("trust_service.type is required (local or remote)"));
    if (!trustType.equals("local") && !trustType.equals("remote")) {
      throw new ConfigException("trust_service.type must be local or remote, not " + trustType);
    }
    String algorithm = r.string("trust_service.key_algorithm").orElse(trustType.equals("local") ? "ed25519" : "");
    if (!List.of("ecdsa", "ed25519", "rsa").contains(algorithm)) {
      throw new ConfigException("trust_service.key_algorithm must be ecdsa, ed25519 or rsa");
    }
    String signerHost = r.string("trust_service.hostname").orElse("");
    int signerPort = 0;
    if (trustType.equals("remote")) {
      if (signerHost.isEmpty()) {
        throw new ConfigException("trust_service.hostname is required for a remote trust service");
      }
      String port = r.string("trust_service.port").orElseThrow(() -> new ConfigException("trust_service.port is required for a remote trust service"));
      signerPort = port(port, "trust_service.port");
    }

    String backend = r.string("storage.backend").orElse("memory").toLowerCase(Locale.ROOT);
    String dbUrl = r.string("storage.db_url").orElse("");
    if (!backend.equals("memory") && dbUrl.isEmpty()) {
      throw new ConfigException("storage.db_url is required for storage.backend " + backend);
    }
    if (backend.equals("sqlite3") && !dbUrl.startsWith("/") && !dbUrl.contains(":")) {
      dbUrl = base.resolve(dbUrl).toString();
    }

    Optional<TrustServerConfig.TokenAuthConfig> auth = Optional.empty();
    if (r.string("auth.type").filter(t -> t.equals("token")).isPresent()) {
      String realm = r.string("auth.options.realm").orElseThrow(() -> new ConfigException("auth.options.realm is required for token auth"));
      String service = r.string("auth.options.service").orElseThrow(() -> new ConfigException("auth.options.service is required for token auth"));
      String issuer = r.string("auth.options.issuer").orElseThrow(() -> new ConfigException("auth.options.issuer is required for token auth"));
      Path bundle = r.string("auth.options.rootcertbundle").map(base::resolve)
          .orElseThrow(() -> new ConfigException("auth.options.rootcertbundle is required for token auth"));
      boolean redirect = r.string("auth.options.autoredirect").map(Boolean::parseBoolean).orElse(false);
      auth = Optional.of(new TrustServerConfig.TokenAuthConfig(realm, service, issuer, bundle, redirect));
    }

    int current = r.integer("caching.max_age.current_metadata").orElse(CacheSettings.DEFAULT.currentMaxAge());
    int consistent = r.integer("caching.max_age.consistent_metadata").orElse(CacheSettings.DEFAULT.consistentMaxAge());
    CacheSettings cache;
    try {
      cache = new CacheSettings(current, consistent);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("caching.max_age: " + e.getMessage());
    }

    List<String> prefixes = r.stringList("repositories.gun_prefixes");
    for (String p : prefixes) {
      if (!p.endsWith("/") || p.startsWith("/") || p.startsWith("..") || p.contains("//") || p.contains("/../")) {
        throw new ConfigException("repositories.gun_prefixes entry '" + p + "' must end with / and be a clean relative path");
      }
    }

    return new TrustServerConfig(listen.bindHost(), listen.port(), cert, key, clientCa, trustType, signerHost, signerPort,
        algorithm,
        r.string("trust_service.tls_ca_file").map(base::resolve),
        r.string("trust_service.tls_client_cert").map(base::resolve),
        r.string("trust_service.tls_client_key").map(base::resolve),
        backend, dbUrl, auth, cache, prefixes, cert.isEmpty());
  }

  /** Dotted-key lookups with notary's {@code NOTARY_SERVER_} environment overrides. */
  private record Reader(JsonNode root, Map<String, String> env) {
    Optional<String> string(String key) {
      String fromEnv = env.get("NOTARY_SERVER_" + key.toUpperCase(Locale.ROOT).replace('.', '_'));
      if (fromEnv != null && !fromEnv.isEmpty()) {
        return Optional.of(fromEnv);
      }
      JsonNode n = node(key);
      if (n == null || n.isNull() || n.isContainerNode()) {
        return Optional.empty();
      }
      String s = n.asText();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    Optional<Integer> integer(String key) {
      return string(key).map(s -> {
        try {
          return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
          throw new ConfigException(key + " must be an integer, not " + s);
        }
      });
    }

    List<String> stringList(String key) {
      JsonNode n = node(key);
      List<String> out = new ArrayList<>();
      if (n != null && n.isArray()) {
        n.forEach(e -> out.add(e.asText()));
      } else if (n != null && n.isTextual()) {
        out.add(n.asText());
      }
      return out;
    }

    private JsonNode node(String key) {
      JsonNode n = root;
      for (String part : key.split("\\.")) {
        if (n == null || !n.isObject()) {
          return null;
        }
        n = n.get(part);
      }
      return n;
    }
  }

  static int port(String s, String key) {
    try {
      int p = Integer.parseInt(s.trim());
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " has an invalid port: " + s);
    }
  }
}
