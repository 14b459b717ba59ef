package io.trustyard.registry.auth;

import io.trustyard.core.crypto.LibtrustKeyId;
import io.trustyard.registry.config.RegistryConfig;
import io.trustyard.registry.config.TlsFilesLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;

/**
 * Token auth from the config: verify with {@code publicKey} (PEM public key or certificate); with
 * {@code signingKey}, or with neither key (an in-memory key pair, single node), also serve
 * {@code /token}.
 */
final class TokenSetup {
  private TokenSetup() {}

  static AccessControllers.Setup from(RegistryConfig.Auth auth, Clock clock) throws Exception {
    String service = auth.service() == null ? "trustyard-registry" : auth.service();
    String issuer = auth.issuer() == null ? "trustyard-token-issuer" : auth.issuer();
    PublicKey publicKey;
    PrivateKey signingKey = null;
    if (auth.publicKey() == null && auth.signingKey() == null) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = g.generateKeyPair();
      publicKey = pair.getPublic();
      signingKey = pair.getPrivate();
    } else {
      if (auth.publicKey() == null) {
        throw new IllegalArgumentException("auth.publicKey is required with auth.signingKey");
      }
      publicKey = publicKey(Path.of(auth.publicKey()));
      if (auth.signingKey() != null) {
        signingKey = TlsFilesLoader.privateKey(Path.of(auth.signingKey()));
      }
    }
    TokenAccessController controller = new TokenAccessController(auth.realm(), service, issuer, publicKey, clock);
    if (signingKey == null) {
      return new AccessControllers.Setup(controller, List.of());
    }
    Htpasswd users = auth.htpasswd() == null ? null : Htpasswd.read(Path.of(auth.htpasswd()));
    // libtrust's ID, so that distribution (given this key's certificate as rootcertbundle) finds the key.
    String kid = LibtrustKeyId.of(publicKey);
    TokenIssuer issuerRoute = new TokenIssuer(service, issuer, signingKey, kid, users,
        new HashSet<>(auth.anonymousActions() == null ? List.of() : auth.anonymousActions()),
        auth.tokenSeconds() == null ? 300 : auth.tokenSeconds(), clock);
    return new AccessControllers.Setup(controller, List.of(issuerRoute));
  }

  /** A PEM {@code PUBLIC KEY} or {@code CERTIFICATE}. */
  static PublicKey publicKey(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    if (pem.contains("BEGIN CERTIFICATE")) {
      try (InputStream in = Files.newInputStream(file)) {
        return CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
      }
    }
    int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
    int end = pem.indexOf("-----END PUBLIC KEY-----");
    if (begin < 0 || end < begin) {
      throw new GeneralSecurityException(file + " is not a PEM public key or certificate");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 26, end));
    for (String alg : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // next
      }
    }
    throw new GeneralSecurityException(file + ": unsupported public key");
  }
}
