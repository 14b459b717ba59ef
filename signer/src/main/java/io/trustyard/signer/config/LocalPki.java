package io.trustyard.signer.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS files of a signer run on Trustyard's defaults: a private CA, the signer's certificate
 * (valid for {@code localhost}, {@code notarysigner} and 127.0.0.1) and one client certificate for
 * the trust server, made once in a 0700 directory (keys 0600) and reused on later starts.
 */
public record LocalPki(Path ca, Path signerCert, Path signerKey, Path clientCert, Path clientKey) {

  private static final Logger LOG = LoggerFactory.getLogger(LocalPki.class);
  static final Duration CA_VALIDITY = Duration.ofDays(3650);
  static final Duration LEAF_VALIDITY = Duration.ofDays(825);

  /** The files in {@code dir}, made first if {@code ca.crt} is not there yet. */
  public static LocalPki ensure(Path dir, SecureRandom random, Clock clock) {
    LocalPki pki = new LocalPki(dir.resolve("ca.crt"), dir.resolve("signer.crt"), dir.resolve("signer.key"),
        dir.resolve("client.crt"), dir.resolve("client.key"));
    if (List.of(pki.ca, pki.signerCert, pki.signerKey, pki.clientCert, pki.clientKey).stream().allMatch(Files::exists)) {
      return pki;
    }
    try {
      Files.createDirectories(dir);
      restrict(dir, "rwx------");
      Instant now = clock.instant();
      KeyPair caKeys = ecKeys(random);
      X500Name caName = new X500Name("CN=Trustyard signer CA");
      X509Certificate ca = issue(caName, caKeys, caName, caKeys.getPrivate(), Kind.CA, now, CA_VALIDITY, random);
      KeyPair signerKeys = ecKeys(random);
      X509Certificate signer = issue(new X500Name("CN=notarysigner"), signerKeys, caName, caKeys.getPrivate(), Kind.SERVER,
          now, LEAF_VALIDITY, random);
      KeyPair clientKeys = ecKeys(random);
      X509Certificate client = issue(new X500Name("CN=trustyard-trust-server"), clientKeys, caName, caKeys.getPrivate(),
          Kind.CLIENT, now, LEAF_VALIDITY, random);
      writePrivate(dir.resolve("ca.key"), pem(new JcaPKCS8Generator(caKeys.getPrivate(), null)));
      writePrivate(pki.signerKey, pem(new JcaPKCS8Generator(signerKeys.getPrivate(), null)));
      writePrivate(pki.clientKey, pem(new JcaPKCS8Generator(clientKeys.getPrivate(), null)));
      Files.writeString(pki.ca, pem(ca));
      Files.writeString(pki.signerCert, pem(signer));
      Files.writeString(pki.clientCert, pem(client));
      LOG.info("made a signer CA and certificates in {}", dir);
      return pki;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the signer's TLS certificates: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the signer's TLS files in " + dir, e);
    }
  }

  enum Kind { CA, SERVER, CLIENT }

  static KeyPair ecKeys(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }

  static X509Certificate issue(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey, Kind kind,
      Instant now, Duration validity, SecureRandom random)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, random).setBit(126),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, subjectKeys.getPublic());
    switch (kind) {
      case CA -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      }
      case SERVER -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "notarysigner"), new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")}));
      }
      case CLIENT -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      }
    }
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  /** PEM text of a certificate or key object, as Bouncy Castle writes it. */
  public static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(object);
    }
    return out.toString();
  }

  /** Replaces {@code file} with {@code content}, created 0600 so secrets are never readable by others. */
  public static void writePrivate(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static void restrict(Path dir, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException e) {
      // Not POSIX: nothing to tighten.
    }
  }
}
