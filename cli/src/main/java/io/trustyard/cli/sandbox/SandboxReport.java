package io.trustyard.cli.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** What the sandbox tells a person once it is up: what to export, where things live, where to look. */
final class SandboxReport {
  private SandboxReport() {}

  static String envFile(SandboxSettings s) {
    return "# The Trustyard sandbox's client settings: `. " + s.envFile() + "` in the shell you play in.\n"
        + "export TRUSTYARD_STORE=" + s.imageStore() + "\n"
        + "export DOCKER_CONFIG=" + s.dockerConfig() + "\n"
        + "export TRUSTYARD_TLS_CA=" + s.dataDir().resolve("root-ca.crt") + "\n";
  }

  /** @param startup from the process's start until every service answered */
  static String ready(SandboxSettings s, String mode, Duration startup) {
    Path ca = s.dataDir().resolve("root-ca.crt");
    return String.join("\n",
        "Trustyard sandbox is up (" + mode + "), ready in " + seconds(startup) + " s, data in " + s.dataDir(),
        "",
        "  registry       " + s.registryUrl() + "  (plain HTTP; token service " + s.registryUrl() + "/token)",
        "  trust server   " + s.trustServerUrl(),
        "  signer         localhost:" + s.signerPort() + "  (gRPC, mutual TLS; health and metrics " + s.signerHttpUrl()
            + ")",
        "  root CA        " + ca,
        "",
        "In the shell you play in:",
        "  export DOCKER_CONTENT_TRUST=1",
        "  export DOCKER_CONTENT_TRUST_SERVER=" + s.trustServerUrl(),
        "  . " + s.envFile() + "    # TRUSTYARD_STORE, DOCKER_CONFIG, TRUSTYARD_TLS_CA",
        "The client trusts the trust server through " + s.dockerConfig().resolve("tls/localhost:" + s.trustServerPort()
            + "/ca.crt") + " (docker's place for a trust server's CA) and $TRUSTYARD_TLS_CA.",
        "The demo image docker/trusttest:latest is in the image store " + s.imageStore() + ".",
        "",
        "Registry storage: " + s.registryRoot().resolve("docker/registry/v2"),
        "  layers of test/trusttest: " + s.repositoryLayers("test/trusttest"),
        "  blob files:               " + s.registryRoot().resolve("docker/registry/v2/blobs/sha256/<xx>/<digest>/data"),
        "",
        "Health and metrics:",
        "  " + s.registryUrl() + "/health   " + s.registryUrl() + "/metrics",
        "  " + s.trustServerUrl() + "/_notary_server/health   " + s.trustServerUrl() + "/metrics",
        "  " + s.signerHttpUrl() + "/health   " + s.signerHttpUrl() + "/metrics",
        "  (and grpc.health.v1.Health on the signer's gRPC port " + s.signerPort() + ")",
        "",
        "Ctrl-C stops the sandbox (state is kept); `trustyard sandbox down -v` removes everything it made.",
        "");
  }

  /** One decimal, always with a dot (the figure is compared across machines and quoted in the README). */
  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }
}
