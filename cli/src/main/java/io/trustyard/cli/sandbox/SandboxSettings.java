package io.trustyard.cli.sandbox;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the sandbox keeps everything and which loopback ports it serves on (the seeds' ports by
 * default: registry 5000, trust server 4443, signer 7899; and 4444 for the signer's health and
 * metrics, notary-signer's documented {@code http_addr}).
 */
record SandboxSettings(Path dataDir, int registryPort, int trustServerPort, int signerPort, int signerHttpPort) {

  static final int REGISTRY_PORT = 5000;
  static final int TRUST_SERVER_PORT = 4443;
  static final int SIGNER_PORT = 7899;
  static final int SIGNER_HTTP_PORT = 4444;
  static final String HOST = "127.0.0.1";
  static final String DIR_VARIABLE = "TRUSTYARD_SANDBOX_DIR";

  /** {@code --dir}, else {@code $TRUSTYARD_SANDBOX_DIR}, else {@code ./.sandbox}; always absolute. */
  static Path dataDir(Path option, Map<String, String> env) {
    if (option != null) {
      return option.toAbsolutePath().normalize();
    }
    String fromEnv = env.get(DIR_VARIABLE);
    return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : ".sandbox").toAbsolutePath().normalize();
  }

  /** What the client calls the trust server (the name the server certificate carries). */
  String trustServerUrl() {
    return "https://localhost:" + trustServerPort;
  }

  /** The signer's health and metrics listener (plain HTTP, loopback). */
  String signerHttpUrl() {
    return "http://localhost:" + signerHttpPort;
  }

  String registryHost() {
    return "localhost:" + registryPort;
  }

  String registryUrl() {
    return "http://localhost:" + registryPort;
  }

  Path registryRoot() {
    return dataDir.resolve("registry");
  }

  Path imageStore() {
    return dataDir.resolve("images");
  }

  Path dockerConfig() {
    return dataDir.resolve("docker");
  }

  Path envFile() {
    return dataDir.resolve("env");
  }

  /** The walkthrough's layer directory: distribution's layout under the registry root. */
  Path repositoryLayers(String repository) {
    return registryRoot().resolve("docker/registry/v2/repositories").resolve(repository).resolve("_layers/sha256");
  }
}
