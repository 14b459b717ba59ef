package io.trustyard.cli.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.client.trust.TrustPinning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notary client configuration ({@code ~/.notary/config.json}, spec/notary.md §6.3) with the
 * command line's overrides applied as notary applies them: flag paths relative to the working
 * directory, config paths relative to the config file, {@code ~} expanded.
 *
 * @param trustDir where keys, cached metadata and staged changes live
 * @param serverUrl the trust server, possibly with a path prefix
 * @param rootCa extra CA certificates for the server's TLS
 * @param tlsClientCert the client certificate to present to the server (with {@code tlsClientKey})
 * @param skipTlsVerify {@code remote_server.skipTLSVerify}: no check of the server's certificate
 */
record NotaryConfig(Path trustDir, String serverUrl, Optional<Path> rootCa, Optional<Path> tlsClientCert,
    Optional<Path> tlsClientKey, boolean skipTlsVerify, TrustPinning trustPinning) {

  static final String DEFAULT_SERVER = "https://notary-server:4443";
  private static final long MAX_CONFIG_SIZE = 1 << 20;

  /** The flags that override the file; null or empty when not given. */
  record Overrides(String configFile, String trustDir, String server, String tlsCaCert, String tlsCert, String tlsKey) {}

  static NotaryConfig load(Overrides flags, Map<String, String> env, Path cwd) {
    Path home = Path.of(env.getOrDefault("HOME", cwd.toString()));
    Path defaultTrustDir = home.resolve(".notary");
    boolean explicit = given(flags.configFile());
    Path configFile = explicit ? cwd.resolve(flags.configFile()) : defaultTrustDir.resolve("config.json");
    JsonNode config = read(configFile, explicit);
    Path configDir = configFile.toAbsolutePath().getParent();

    String trustDir = given(flags.trustDir()) ? cwd.resolve(flags.trustDir()).normalize().toString()
        : config.path("trust_dir").asText(defaultTrustDir.toString());
    JsonNode remote = config.path("remote_server");
    String url = given(flags.server()) ? flags.server() : remote.path("url").asText("");
    if (url.isEmpty()) {
      url = DEFAULT_SERVER;
    }
    Optional<Path> rootCa = pick(flags.tlsCaCert(), remote.path("root_ca"), cwd, configDir, home);
    Optional<Path> cert = pick(flags.tlsCert(), remote.path("tls_client_cert"), cwd, configDir, home);
    Optional<Path> key = pick(flags.tlsKey(), remote.path("tls_client_key"), cwd, configDir, home);
    return new NotaryConfig(expand(trustDir, home), url, rootCa, cert, key,
        remote.path("skipTLSVerify").asBoolean(false), pinning(config.path("trust_pinning")));
  }

  private static JsonNode read(Path file, boolean explicit) {
    try {
      if (Files.size(file) > MAX_CONFIG_SIZE) {
        throw new NotaryCliException("error opening config file: " + file + " is larger than 1 MiB");
      }
      JsonNode node = new ObjectMapper().readTree(Files.readAllBytes(file));
      if (node == null || !node.isObject()) {
        throw new NotaryCliException("error opening config file: " + file + " does not hold a JSON object");
      }
      return node;
    } catch (NoSuchFileException e) {
      if (explicit) {
        throw new NotaryCliException("error opening config file: open " + file + ": no such file or directory");
      }
      return new ObjectMapper().createObjectNode();
    } catch (IOException e) {
      throw new NotaryCliException("error opening config file: " + e.getMessage());
    }
  }

  private static boolean given(String s) {
    return s != null && !s.isEmpty();
  }

  private static Optional<Path> pick(String flag, JsonNode fromConfig, Path cwd, Path configDir, Path home) {
    if (given(flag)) {
      return Optional.of(cwd.resolve(flag).normalize());
    }
    String s = fromConfig.asText("");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Path p = expand(s, home);
    return Optional.of(configDir.resolve(p).normalize());
  }

  private static Path expand(String path, Path home) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2));
    }
    return Path.of(path);
  }

  private static TrustPinning pinning(JsonNode node) {
    Map<String, List<String>> certs = new LinkedHashMap<>();
    node.path("certs").fields().forEachRemaining(e -> {
      List<String> ids = new java.util.ArrayList<>();
      e.getValue().forEach(id -> ids.add(id.asText()));
      certs.put(e.getKey(), List.copyOf(ids));
    });
    Map<String, Path> ca = new LinkedHashMap<>();
    node.path("ca").fields().forEachRemaining(e -> ca.put(e.getKey(), Path.of(e.getValue().asText())));
    return new TrustPinning(certs, ca, node.path("disable_tofu").asBoolean(false));
  }
}
