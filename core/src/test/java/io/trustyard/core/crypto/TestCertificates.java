package io.trustyard.core.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates with chosen flaws, to exercise each check of RootCertificates. */
final class TestCertificates {
  private TestCertificates() {}

  static KeyPair keyPair(String algorithm, int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  static X509Certificate selfSigned(KeyPair pair, String cn, Instant notBefore, Instant notAfter,
      String signatureAlgorithm, boolean ca) throws Exception {
    return issued(pair.getPublic(), cn, pair.getPrivate(), cn, notBefore, notAfter, signatureAlgorithm, ca);
  }

  static X509Certificate issued(PublicKey subjectKey, String cn, PrivateKey issuerKey, String issuerCn,
      Instant notBefore, Instant notAfter, String signatureAlgorithm, boolean ca) throws Exception {
    X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
        new X500Name("CN=" + issuerCn), BigInteger.valueOf(System.nanoTime()),
        Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + cn),
        SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(issuerKey)));
  }
}
