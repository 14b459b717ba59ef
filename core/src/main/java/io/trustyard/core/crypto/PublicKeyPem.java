package io.trustyard.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;

/**
 * A public key given as PEM, the way notary reads delegation and signer keys
 * ({@code ParsePEMPublicKey}): a {@code CERTIFICATE} (valid now, strong enough) becomes an
 * {@code ecdsa-x509}/{@code rsa-x509} key, a {@code PUBLIC KEY} (PKIX) an {@code ecdsa}/{@code rsa} key.
 */
public final class PublicKeyPem {
  private PublicKeyPem() {}

  /**
   * @throws MalformedKeyException for anything else, or an unusable certificate
   * @throws UnsupportedKeyTypeException for keys that are neither ECDSA nor RSA
   */
  public static TufPublicKey parse(byte[] pem, Instant now) {
    PemBlock block = Pem.decodeFirst(pem);
    switch (block.type()) {
      case "CERTIFICATE" -> {
        X509Certificate cert = X509Pem.parseDer(block.bytes());
        try {
          RootCertificates.checkCertificate(cert, now, true);
        } catch (CertificateCheckException e) {
          throw new MalformedKeyException(e.getMessage());
        }
        return RootCertificates.toX509Key(cert);
      }
      case "PUBLIC KEY" -> {
        return new TufPublicKey(pkixType(block.bytes()), block.bytes());
      }
      default -> throw new MalformedKeyException("unsupported PEM block type \"" + block.type()
          + "\", expected CERTIFICATE or PUBLIC KEY");
    }
  }

  private static KeyType pkixType(byte[] der) {
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        return algorithm.equals("EC") && key != null ? KeyType.ECDSA : KeyType.RSA;
      } catch (GeneralSecurityException e) {
        // not this algorithm
      }
    }
    throw new UnsupportedKeyTypeException("unsupported public key type: neither ECDSA nor RSA");
  }
}
