package io.trustyard.cli.notary;

import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notary init <gun> [--rootkey <file>] [--rootcert <file>] [-p]}: creates the repository's
 * keys and first metadata in the trust dir (the server only hands out the timestamp key);
 * {@code publish} uploads it. The root key is the one imported from {@code --rootkey} (an
 * encrypted PEM, imported into the trust dir), else the trust dir's first root key, else a new
 * one; {@code --rootcert} presents it with a given certificate instead of a new self-signed one.
 */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Initializes a local trusted collection.")
final class InitCommand extends GunCommand {
  private static final int MAX_CERT_BYTES = 1 << 20;

  @Option(names = "--rootkey", description = "Root key to initialize the repository with.")
  String rootKey;

  @Option(names = "--rootcert", description = "Root certificate must match root key if a root key is supplied,"
      + " otherwise it must match a key present in keystore.")
  String rootCert;

  @Option(names = {"-p", "--publish"}, description = "Automatically attempt to publish after staging the change."
      + " Will also publish existing staged changes.")
  boolean publish;

  @Override
  void run() throws Exception {
    TrustDir.checkGun(gun);
    PrintWriter out = spec.commandLine().getOut();
    KeyFileStore keys = notary.keyStore();
    Optional<String> rootKeyId;
    if (given(rootKey)) {
      TufPrivateKey key = PrivateKeyInput.read(RoleNames.ROOT, Path.of(rootKey), notary.passphrases());
      keys.save(key, RoleNames.ROOT, gun);
      rootKeyId = Optional.of(key.canonicalId());
    } else {
      List<KeyFileStore.KeyInfo> roots = keys.rootKeys();
      rootKeyId = roots.isEmpty() ? Optional.empty() : Optional.of(roots.get(0).canonicalId());
    }
    rootKeyId.ifPresent(id -> {
      out.print("Root key found, using: " + id + "\n");
      out.flush();
    });
    Optional<TufPublicKey> certificate = given(rootCert) ? Optional.of(readCertificate(Path.of(rootCert)))
        : Optional.empty();
    if (!given(rootKey) && certificate.isPresent()) {
      // The certificate names the key: it must be one of the trust dir's root keys.
      String wanted = certificate.get().canonicalId();
      if (keys.rootKeys().stream().noneMatch(k -> k.canonicalId().equals(wanted))) {
        throw new NotaryCliException("error initializing repository with certificate: cannot find matching"
            + " private key id");
      }
      rootKeyId = Optional.of(wanted);
    }
    notary.repository(gun, keys).initializeLocally(rootKeyId, certificate);
    notary.autoPublish(spec, publish, gun);
  }

  private static TufPublicKey readCertificate(Path file) {
    byte[] pem;
    try {
      if (Files.size(file) > MAX_CERT_BYTES) {
        throw new NotaryCliException("error reading certificate file: " + file + " is larger than 1 MiB");
      }
      pem = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new NotaryCliException("error reading certificate file: open " + file + ": no such file or directory");
    }
    java.util.List<java.security.cert.X509Certificate> certs;
    try {
      certs = io.trustyard.core.crypto.RootCertificates.parsePemChain(pem);
    } catch (RuntimeException e) {
      throw new NotaryCliException("Parsing certificate PEM bytes to x509 certificate: " + e.getMessage());
    }
    if (certs.isEmpty()) {
      throw new NotaryCliException("the provided file does not contain a valid PEM certificate");
    }
    return io.trustyard.core.crypto.RootCertificates.toX509Key(certs.get(0));
  }

  private static boolean given(String s) {
    return s != null && !s.isEmpty();
  }
}
