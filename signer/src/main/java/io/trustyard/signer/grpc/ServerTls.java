package io.trustyard.signer.grpc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The signer's TLS files: its certificate chain and key, and the CA that client certificates must
 * chain to. Without a client CA any TLS client is served (notary-signer's behaviour too).
 */
public record ServerTls(Path certChain, Path privateKey, Optional<Path> clientCa) {
  public ServerTls {
    Objects.requireNonNull(certChain, "certChain");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(clientCa, "clientCa");
  }
}
