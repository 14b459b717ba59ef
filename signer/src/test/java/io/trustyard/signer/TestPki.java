package io.trustyard.signer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for TLS tests, written as PEM files: a CA, a server certificate valid for
 * {@code notarysigner}, {@code localhost} and 127.0.0.1, a client certificate, and a second CA with a
 * client certificate that the first CA does not vouch for.
 */
public record TestPki(Path ca, Path serverCert, Path serverKey, Path clientCert, Path clientKey,
    Path otherCa, Path rogueClientCert, Path rogueClientKey) {

  public static final String SERVER_NAME = "notarysigner";

  public static TestPki create(Path dir) {
    try {
      Files.createDirectories(dir);
      SecureRandom random = new SecureRandom();
      KeyPair caKeys = ecKeys(random);
      X509Certificate ca = certificate("Trustyard Test CA", caKeys, "Trustyard Test CA", caKeys, Kind.CA, random);
      KeyPair serverKeys = ecKeys(random);
      X509Certificate server = certificate(SERVER_NAME, serverKeys, "Trustyard Test CA", caKeys, Kind.SERVER, random);
      KeyPair clientKeys = ecKeys(random);
      X509Certificate client = certificate("notaryserver", clientKeys, "Trustyard Test CA", caKeys, Kind.CLIENT, random);
      KeyPair otherKeys = ecKeys(random);
      X509Certificate other = certificate("Other CA", otherKeys, "Other CA", otherKeys, Kind.CA, random);
      KeyPair rogueKeys = ecKeys(random);
      X509Certificate rogue = certificate("notaryserver", rogueKeys, "Other CA", otherKeys, Kind.CLIENT, random);
      return new TestPki(
          write(dir.resolve("ca.crt"), ca), write(dir.resolve("signer.crt"), server), write(dir.resolve("signer.key"), serverKeys),
          write(dir.resolve("client.crt"), client), write(dir.resolve("client.key"), clientKeys),
          write(dir.resolve("other-ca.crt"), other), write(dir.resolve("rogue.crt"), rogue), write(dir.resolve("rogue.key"), rogueKeys));
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * notary-server's {@code trust_service} object for a signer with this PKI's server certificate on
   * 127.0.0.1:{@code signerPort}, notary-server authenticating with the client certificate.
   */
  public String notaryServerTrustService(int signerPort, String keyAlgorithm) {
    return """
        {"type": "remote", "hostname": "127.0.0.1", "port": "%d", "key_algorithm": "%s",
         "tls_ca_file": "%s", "tls_client_cert": "%s", "tls_client_key": "%s"}""".formatted(signerPort, keyAlgorithm,
        ca, clientCert, clientKey);
  }

  private enum Kind { CA, SERVER, CLIENT }

  private static KeyPair ecKeys(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }

  private static X509Certificate certificate(String cn, KeyPair subject, String issuerCn, KeyPair issuer, Kind kind,
      SecureRandom random) throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
    Instant now = Instant.now();
    X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
        new BigInteger(64, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(2))), new X500Name("CN=" + cn), subject.getPublic());
    switch (kind) {
      case CA -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
      }
      case SERVER -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, SERVER_NAME), new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      }
      case CLIENT -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      }
    }
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(b.build(signer));
  }

  private static Path write(Path file, Object pemObject) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(pemObject instanceof KeyPair kp ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(kp.getPrivate(), null) : pemObject);
    }
    Files.writeString(file, out.toString());
    return file;
  }
}
