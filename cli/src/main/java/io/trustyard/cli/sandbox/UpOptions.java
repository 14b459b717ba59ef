package io.trustyard.cli.sandbox;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code sandbox} and {@code sandbox up}. */
public final class UpOptions {
  @Option(names = "--dir", paramLabel = "DIR",
      description = "Data directory (default: $TRUSTYARD_SANDBOX_DIR, else ./.sandbox).")
  Path dir;

  @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "5000",
      description = "Registry port, plain HTTP on loopback (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--trust-server-port", paramLabel = "PORT", defaultValue = "4443",
      description = "Trust server port, TLS on loopback (default: ${DEFAULT-VALUE}).")
  int trustServerPort;

  @Option(names = "--signer-port", paramLabel = "PORT", defaultValue = "7899",
      description = "Signer port, gRPC with mutual TLS on loopback (default: ${DEFAULT-VALUE}).")
  int signerPort;

  @Option(names = "--signer-http-port", paramLabel = "PORT", defaultValue = "4444",
      description = "Signer health and metrics port, plain HTTP on loopback (default: ${DEFAULT-VALUE}).")
  int signerHttpPort;

  @Option(names = {"--multi-process", "--processes"},
      description = "Run each service as its own process from its own config file, as a deployment does.")
  boolean multiProcess;

  SandboxSettings settings(java.util.Map<String, String> env) {
    for (int port : new int[] {registryPort, trustServerPort, signerPort, signerHttpPort}) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
      }
    }
    return new SandboxSettings(SandboxSettings.dataDir(dir, env), registryPort, trustServerPort, signerPort,
        signerHttpPort);
  }
}
