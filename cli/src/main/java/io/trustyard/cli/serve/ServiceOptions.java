package io.trustyard.cli.serve;

import io.trustyard.signer.config.ListenAddress;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options {@code serve signer} and {@code serve trust-server} share: a notary config file, or defaults under a data directory. */
final class ServiceOptions {

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--config", paramLabel = "FILE",
      description = "notary JSON config file, used as it is (notary-signer's signer-config.json, notary-server's server-config.json)")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "where the defaults keep the database, keys and certificates (default: ~/.trustyard/<service>)")
  Path dataDir;

  @Option(names = "--listen", paramLabel = "HOST:PORT",
      description = "listen address, over the config file's (defaults: 127.0.0.1, signer 7899, trust server 4443)")
  String listen;

  Path dataDir() {
    return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".trustyard", command.name());
  }

  /** {@code --listen}, parsed; a malformed one is an {@link IllegalArgumentException} naming the flag. */
  Optional<ListenAddress> listen() {
    return Optional.ofNullable(listen).map(l -> ListenAddress.parse(l, "--listen"));
  }
}
