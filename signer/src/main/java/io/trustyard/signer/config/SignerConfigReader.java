package io.trustyard.signer.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads notary-signer's JSON configuration as notary-signer does: TLS file paths relative to the
 * config file, every key overridable by an environment variable {@code NOTARY_SIGNER_<KEY>} (dots
 * become underscores), the default alias also from {@code NOTARY_SIGNER_DEFAULT_ALIAS}.
 * {@code server.http_addr} (optional, as in notary-signer) serves health and Prometheus metrics.
 * Keys Trustyard does not use (reporting, RethinkDB credentials) are accepted and ignored.
 */
public final class SignerConfigReader {

  static final long MAX_CONFIG_BYTES = 1024 * 1024;
  private static final Set<String> BACKENDS = Set.of("memory", "sqlite3", "postgres", "mysql");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SignerConfigReader() {}

  public static SignerConfig read(Path file, Map<String, String> env) throws IOException {
    if (Files.size(file) > MAX_CONFIG_BYTES) {
      throw new IllegalArgumentException(file + " is larger than " + MAX_CONFIG_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + " must hold a JSON object");
    }
    Path base = file.toAbsolutePath().getParent();
    Lookup get = new Lookup(root, env);

    String addr = get.text("server.grpc_addr").orElseThrow(() ->
        new IllegalArgumentException("server.grpc_addr is required (e.g. \":7899\")"));
    ListenAddress grpc = ListenAddress.parse(addr, "server.grpc_addr");
    Optional<ListenAddress> http = get.text("server.http_addr").map(a -> ListenAddress.parse(a, "server.http_addr"));

    Optional<String> cert = get.text("server.tls_cert_file");
    Optional<String> key = get.text("server.tls_key_file");
    if (cert.isEmpty() || key.isEmpty()) {
      throw new IllegalArgumentException("server.tls_cert_file and server.tls_key_file are required: the signer only speaks TLS");
    }
    SignerConfig.TlsFiles tls = new SignerConfig.TlsFiles(base.resolve(cert.get()), base.resolve(key.get()),
        get.text("server.client_ca_file").map(base::resolve));

    String backend = get.text("storage.backend").orElse("memory").toLowerCase(Locale.ROOT);
    if (!BACKENDS.contains(backend)) {
      throw new IllegalArgumentException("storage.backend '" + backend + "' is not supported: use one of "
          + String.join(", ", BACKENDS.stream().sorted().toList()));
    }
    Optional<String> dbUrl = get.text("storage.db_url");
    if (!backend.equals("memory") && dbUrl.isEmpty()) {
      throw new IllegalArgumentException("storage.db_url is required for the " + backend + " backend");
    }
    Optional<String> alias = get.text("storage.default_alias")
        .or(() -> Optional.ofNullable(env.get("NOTARY_SIGNER_DEFAULT_ALIAS")).filter(s -> !s.isBlank()));
    if (!backend.equals("memory") && alias.isEmpty()) {
      throw new IllegalArgumentException("must provide a default alias for the key DB: storage.default_alias"
          + " or NOTARY_SIGNER_DEFAULT_ALIAS");
    }
    return new SignerConfig(grpc.host(), grpc.port(), Optional.of(tls), backend, dbUrl, alias.orElse("memory"),
        get.text("logging.level"), Optional.empty(), http);
  }

  /** A config value, the environment winning over the file (viper's rule). */
  private record Lookup(JsonNode root, Map<String, String> env) {
    Optional<String> text(String dotted) {
      String fromEnv = env.get("NOTARY_SIGNER_" + dotted.toUpperCase(Locale.ROOT).replace('.', '_'));
      if (fromEnv != null && !fromEnv.isBlank()) {
        return Optional.of(fromEnv.strip());
      }
      JsonNode node = root;
      for (String part : dotted.split("\\.")) {
        node = node.path(part);
      }
      if (node.isMissingNode() || node.isNull()) {
        return Optional.empty();
      }
      if (!node.isValueNode()) {
        throw new IllegalArgumentException(dotted + " must be a string");
      }
      String value = node.asText().strip();
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
  }
}
