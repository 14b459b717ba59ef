package io.trustyard.trustserver.config;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
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
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA and a server certificate for loopback names, made once in a directory so that a
 * trust server started without certificate files still speaks TLS (clients trust {@code ca.crt}).
 */
public final class GeneratedTls {
  public final Path caCert;
  public final Path serverCert;
  public final Path serverKey;

  private GeneratedTls(Path dir) {
    this.caCert = dir.resolve("ca.crt");
    this.serverCert = dir.resolve("server.crt");
    this.serverKey = dir.resolve("server.key");
  }

  /** The files in {@code dir}, generated if missing, valid for {@code validity}. */
  public static GeneratedTls ensure(Path dir, List<String> dnsNames, List<String> ipAddresses, Duration validity)
      throws IOException {
    GeneratedTls tls = new GeneratedTls(dir);
    if (Files.exists(tls.serverCert) && Files.exists(tls.serverKey) && Files.exists(tls.caCert)) {
      return tls;
    }
    Files.createDirectories(dir);
    try {
      SecureRandom random = new SecureRandom();
      KeyPair ca = ecKey(random);
      X500Name caName = new X500Name("CN=Trustyard trust server CA");
      Instant now = Instant.now();
      Date from = Date.from(now.minus(Duration.ofHours(1)));
      Date to = Date.from(now.plus(validity));
      var caBuilder = new JcaX509v3CertificateBuilder(caName, new BigInteger(127, random), from, to, caName, ca.getPublic());
      caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate caCert = sign(caBuilder, ca);

      KeyPair server = ecKey(random);
      var b = new JcaX509v3CertificateBuilder(caName, new BigInteger(127, random), from, to,
          new X500Name("CN=" + (dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0))), server.getPublic());
      GeneralName[] names = new GeneralName[dnsNames.size() + ipAddresses.size()];
      int i = 0;
      for (String d : dnsNames) {
        names[i++] = new GeneralName(GeneralName.dNSName, d);
      }
      for (String ip : ipAddresses) {
        names[i++] = new GeneralName(GeneralName.iPAddress, ip);
      }
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate serverCert = sign(b, ca);

      Files.writeString(tls.caCert, pem(caCert));
      Files.writeString(tls.serverCert, pem(serverCert));
      writePrivate(tls.serverKey, "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(server.getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n");
      return tls;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot generate TLS certificates: " + e.getMessage(), e);
    }
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, text);
  }

  private static KeyPair ecKey(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair issuer)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  static String pem(Object o) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    }
    return w.toString();
  }
}
