package io.trustyard.trustserver.interop;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A delegation signer: an ECDSA key (unencrypted PKCS#8 PEM) and a self-signed certificate for it. */
public final class DelegationKey {
  public final Path key;
  public final Path cert;

  private DelegationKey(Path key, Path cert) {
    this.key = key;
    this.cert = cert;
  }

  public static DelegationKey create(Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    SecureRandom random = new SecureRandom();
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    KeyPair pair = g.generateKeyPair();
    X500Name subject = new X500Name("CN=" + name);
    Instant now = Instant.now();
    var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, random),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))), subject, pair.getPublic());
    var cert = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    Path keyFile = dir.resolve(name + "-key.pem");
    Path certFile = dir.resolve(name + ".crt");
    Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    Files.writeString(certFile, TestPki.pem(cert));
    return new DelegationKey(keyFile, certFile);
  }
}
