package io.trustyard.signer.grpc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A signer client's TLS files (notary-server's {@code trust_service.tls_*}): the CA the signer's
 * certificate must chain to (the only roots trusted), and the client certificate and key.
 * {@code serverName} overrides the name checked in the signer's certificate (default: the host).
 */
public record ClientTls(Path ca, Optional<Path> clientCert, Optional<Path> clientKey, Optional<String> serverName) {
  public ClientTls {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(clientCert, "clientCert");
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(serverName, "serverName");
    if (clientCert.isPresent() != clientKey.isPresent()) {
      throw new IllegalArgumentException("a client certificate needs its key and a key its certificate");
    }
  }

  public static ClientTls mutual(Path ca, Path clientCert, Path clientKey) {
    return new ClientTls(ca, Optional.of(clientCert), Optional.of(clientKey), Optional.empty());
  }

  public ClientTls withServerName(String name) {
    return new ClientTls(ca, clientCert, clientKey, Optional.of(name));
  }
}
