package io.trustyard.cli.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every client command shares: where images and credentials live, how to reach registries. */
public final class ClientOptions {

  @Option(names = "--store", paramLabel = "DIR",
      description = "Local image store (default: $TRUSTYARD_STORE, else $XDG_DATA_HOME/trustyard/images,"
          + " else ~/.local/share/trustyard/images).")
  Path store;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Docker config directory holding config.json (default: $DOCKER_CONFIG, else ~/.docker).")
  Path config;

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "Allow plain HTTP to this registry (loopback registries always may). Repeatable;"
          + " also $TRUSTYARD_INSECURE_REGISTRIES, comma-separated.")
  List<String> insecure = new ArrayList<>();

  @Option(names = "--tls-ca", paramLabel = "PEM",
      description = "Trust registries whose certificates chain to these CA certificates (also $TRUSTYARD_TLS_CA).")
  Path tlsCa;
}
