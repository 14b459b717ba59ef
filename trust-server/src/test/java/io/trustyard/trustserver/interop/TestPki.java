package io.trustyard.trustserver.interop;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway CA and a server certificate for 127.0.0.1/localhost, written as PEM files. */
public final class TestPki {
  public final Path caCert;
  public final Path serverCert;
  public final Path serverKey;

  private TestPki(Path caCert, Path serverCert, Path serverKey) {
    this.caCert = caCert;
    this.serverCert = serverCert;
    this.serverKey = serverKey;
  }

  public static TestPki create(Path dir) throws Exception {
    Files.createDirectories(dir);
    SecureRandom random = new SecureRandom();
    KeyPair ca = ecKey(random);
    X500Name caName = new X500Name("CN=Trustyard Test CA");
    Instant now = Instant.now();
    var caBuilder = new JcaX509v3CertificateBuilder(caName, new BigInteger(64, random),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), caName, ca.getPublic());
    caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate caCert = sign(caBuilder, ca);

    KeyPair server = ecKey(random);
    var b = new JcaX509v3CertificateBuilder(caName, new BigInteger(64, random),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))),
        new X500Name("CN=127.0.0.1"), server.getPublic());
    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    X509Certificate serverCert = sign(b, ca);

    Path caFile = dir.resolve("ca.pem");
    Path certFile = dir.resolve("server.crt");
    Path keyFile = dir.resolve("server.key");
    Files.writeString(caFile, pem(caCert));
    Files.writeString(certFile, pem(serverCert));
    Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(server.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    return new TestPki(caFile, certFile, keyFile);
  }

  private static KeyPair ecKey(SecureRandom random) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair issuer) throws Exception {
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
