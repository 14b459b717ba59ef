package io.trustyard.cli.sandbox;

import io.trustyard.signer.config.LocalPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's one local CA ({@code root-ca.crt}, as in the seeds' compose setup) and what it
 * issues: the trust server's and the signer's server certificates (valid for {@code localhost},
 * the compose service names and loopback addresses), the trust server's client certificate for
 * the signer's mutual TLS, and the registry's token-signing key. Made once; a restart reuses them.
 */
record SandboxPki(Path dir, Path rootCa, Path rootKey, Path serverCert, Path serverKey, Path signerCert,
    Path signerKey, Path clientCert, Path clientKey, Path tokenCert, Path tokenKey) {

  static final Duration CA_VALIDITY = Duration.ofDays(3650);
  static final Duration LEAF_VALIDITY = Duration.ofDays(825);
  private static final X500Name CA_NAME = new X500Name("CN=Trustyard sandbox root CA");

  /** The sandbox's layout: {@code root-ca.crt} at the top of the data directory, the rest in {@code tls/}. */
  static SandboxPki in(Path dataDir) {
    return at(dataDir.resolve("root-ca.crt"), dataDir.resolve("tls"));
  }

  /** One directory holding every file under the names the deploy configs use ({@code certs/}). */
  static SandboxPki flat(Path dir) {
    return at(dir.resolve("root-ca.crt"), dir);
  }

  private static SandboxPki at(Path rootCa, Path tls) {
    return new SandboxPki(tls, rootCa, tls.resolve("root-ca.key"),
        tls.resolve("trust-server.crt"), tls.resolve("trust-server.key"), tls.resolve("signer.crt"),
        tls.resolve("signer.key"), tls.resolve("trust-server-client.crt"), tls.resolve("trust-server-client.key"),
        tls.resolve("token.crt"), tls.resolve("token.key"));
  }

  List<Path> files() {
    return List.of(rootCa, rootKey, serverCert, serverKey, signerCert, signerKey, clientCert, clientKey, tokenCert,
        tokenKey);
  }

  /** The files, made now if any is missing (a partial set is remade whole: every leaf must chain to one CA). */
  static SandboxPki ensure(Path dataDir, SecureRandom random, Instant now) {
    return in(dataDir).ensure(random, now);
  }

  /** These files, made now if any is missing. */
  SandboxPki ensure(SecureRandom random, Instant now) {
    SandboxPki pki = this;
    if (pki.files().stream().allMatch(Files::isRegularFile)) {
      return pki;
    }
    try {
      Files.createDirectories(pki.dir);
      restrict(pki.dir);
      KeyPair ca = ecKeys(random);
      X509Certificate caCert = issue(CA_NAME, ca, ca.getPrivate(), Kind.CA, List.of(), now, CA_VALIDITY, random);
      List<String> serverNames = List.of("localhost", "notaryserver", "notary-server", "trust-server", "127.0.0.1", "::1");
      List<String> signerNames = List.of("localhost", "notarysigner", "notary-signer", "signer", "127.0.0.1", "::1");
      leaf(pki.serverCert, pki.serverKey, "notaryserver", serverNames, Kind.SERVER, ca, now, random);
      leaf(pki.signerCert, pki.signerKey, "notarysigner", signerNames, Kind.SERVER, ca, now, random);
      leaf(pki.clientCert, pki.clientKey, "notaryserver", List.of(), Kind.CLIENT, ca, now, random);
      leaf(pki.tokenCert, pki.tokenKey, "Trustyard sandbox token issuer", List.of(), Kind.SIGNING, ca, now, random);
      LocalPki.writePrivate(pki.rootKey, pem(ca.getPrivate()));
      Files.writeString(pki.rootCa, LocalPki.pem(caCert));
      return pki;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the sandbox's certificates: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox's certificates in " + pki.dir, e);
    }
  }

  /** The CA certificate as parsed, for checks. */
  X509Certificate caCertificate() throws IOException, GeneralSecurityException {
    try (var in = Files.newInputStream(rootCa)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  enum Kind { CA, SERVER, CLIENT, SIGNING }

  private static void leaf(Path cert, Path key, String cn, List<String> names, Kind kind, KeyPair ca, Instant now,
      SecureRandom random) throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair keys = ecKeys(random);
    X509Certificate c = issue(new X500Name("CN=" + cn), keys, ca.getPrivate(), kind, names, now, LEAF_VALIDITY, random);
    LocalPki.writePrivate(key, pem(keys.getPrivate()));
    Files.writeString(cert, LocalPki.pem(c));
  }

  private static KeyPair ecKeys(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }

  private static X509Certificate issue(X500Name subject, KeyPair subjectKeys, PrivateKey caKey, Kind kind,
      List<String> names, Instant now, Duration validity, SecureRandom random)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(CA_NAME, new BigInteger(127, random).setBit(126),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, subjectKeys.getPublic());
    if (kind == Kind.CA) {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      if (kind == Kind.SERVER) {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      } else if (kind == Kind.CLIENT) {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      }
      if (!names.isEmpty()) {
        GeneralName[] san = names.stream().map(n -> new GeneralName(
            Character.isDigit(n.charAt(0)) || n.contains(":") ? GeneralName.iPAddress : GeneralName.dNSName, n))
            .toArray(GeneralName[]::new);
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
      }
    }
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
  }

  /** An unencrypted PKCS#8 PEM, the form notary's and the registry's TLS loaders read. */
  private static String pem(PrivateKey key) {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static void restrict(Path dir) throws IOException {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // Not POSIX: nothing to tighten.
    }
  }
}
