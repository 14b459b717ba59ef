package io.trustyard.signer.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.grpc.ClientTls;
import io.trustyard.signer.grpc.RemoteKeyService;
import io.trustyard.signer.keys.LocalKeyService;
import io.trustyard.signer.keys.MemoryKeyStore;
import io.trustyard.signer.keys.Passphrases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code trust_service} section of notary-server's config, read as notary-server reads it:
 * {@code local} means in-memory ED25519 keys (every other parameter ignored); {@code remote} means a
 * signer at {@code hostname:port} over TLS with {@code tls_ca_file} as the only trusted roots and an
 * optional client pair, and {@code key_algorithm} one of ecdsa, ed25519, rsa. Paths are relative
 * to the config file; {@code NOTARY_SERVER_TRUST_SERVICE_<KEY>} environment variables win.
 */
public record TrustServiceConfig(String type, String keyAlgorithm, Optional<Remote> remote) {

  /** Where the remote signer is and how to talk to it. */
  public record Remote(String hostname, int port, ClientTls tls) {}

  public static TrustServiceConfig fromNotaryServerConfig(JsonNode root, Path configDir, Map<String, String> env) {
    String type = text(root, env, "type").orElse("");
    if (type.equals("local")) {
      return new TrustServiceConfig("local", "ed25519", Optional.empty());
    }
    if (!type.equals("remote")) {
      throw new IllegalArgumentException("must specify either a \"local\" or \"remote\" type for trust_service");
    }
    String algorithm = text(root, env, "key_algorithm").orElse("");
    if (!algorithm.equals("ecdsa") && !algorithm.equals("ed25519") && !algorithm.equals("rsa")) {
      throw new IllegalArgumentException("invalid key algorithm configured: '" + algorithm + "' (use ecdsa, ed25519 or rsa)");
    }
    String hostname = text(root, env, "hostname").orElseThrow(() ->
        new IllegalArgumentException("trust_service.hostname is required for a remote trust service"));
    String portText = text(root, env, "port").orElseThrow(() ->
        new IllegalArgumentException("trust_service.port is required for a remote trust service"));
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("trust_service.port '" + portText + "' is not a port number");
    }
    Optional<Path> cert = text(root, env, "tls_client_cert").map(configDir::resolve);
    Optional<Path> key = text(root, env, "tls_client_key").map(configDir::resolve);
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("either pass both trust_service.tls_client_cert and tls_client_key, or neither");
    }
    Path ca = text(root, env, "tls_ca_file").map(configDir::resolve).orElseThrow(() ->
        new IllegalArgumentException("trust_service.tls_ca_file is required: the signer's CA is the only trusted root"));
    return new TrustServiceConfig("remote", algorithm,
        Optional.of(new Remote(hostname, port, new ClientTls(ca, cert, key, Optional.empty()))));
  }

  /** The key service this section describes; each call bounded by {@code timeout} when remote. */
  public KeyService open(Duration timeout) {
    if (remote.isEmpty()) {
      return new LocalKeyService(new MemoryKeyStore(), Passphrases.constant(SignerRunner.MEMORY_PASSPHRASE), "memory",
          new SecureRandom(), Clock.systemUTC(), () -> { });
    }
    Remote r = remote.get();
    return RemoteKeyService.connect(r.hostname(), r.port(), r.tls(), timeout);
  }

  private static Optional<String> text(JsonNode root, Map<String, String> env, String key) {
    String fromEnv = env.get("NOTARY_SERVER_TRUST_SERVICE_" + key.toUpperCase(Locale.ROOT));
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.strip());
    }
    JsonNode node = root.path("trust_service").path(key);
    if (node.isMissingNode() || node.isNull() || !node.isValueNode()) {
      return Optional.empty();
    }
    String value = node.asText().strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
