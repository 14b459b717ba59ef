package io.trustyard.client.trust;

import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.crypto.PemBlock;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPublicKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;

/**
 * Public key files as docker and notary exchange them: {@code PUBLIC KEY} (SubjectPublicKeyInfo,
 * ECDSA or RSA) with a {@code role} header, or a {@code CERTIFICATE} whose key becomes an
 * {@code *-x509} key (spec/notary.md §2.6).
 */
public final class PublicKeyFiles {
  public static final String PUBLIC_KEY = "PUBLIC KEY";

  private PublicKeyFiles() {}

  /** What {@code docker trust key generate} writes next to the private key: {@code NAME.pub}. */
  public static byte[] write(TufPublicKey key, String role) {
    if (key.type().orElse(null) != KeyType.ECDSA && key.type().orElse(null) != KeyType.RSA) {
      throw new TrustException(Kind.INVALID, "only ecdsa and rsa public keys are written as PUBLIC KEY files");
    }
    return Pem.encode(PUBLIC_KEY, Map.of("role", role), key.publicBytes());
  }

  /** Reads the first block of a public key file. */
  public static TufPublicKey read(byte[] pem) {
    PemBlock block;
    try {
      block = Pem.decodeFirst(pem);
    } catch (RuntimeException e) {
      throw new TrustException(Kind.INVALID, "no PEM data found: " + e.getMessage(), e);
    }
    return switch (block.type()) {
      case "CERTIFICATE" -> RootCertificates.toX509Key(RootCertificates.parsePemChain(
          Pem.encode(block.type(), Map.of(), block.bytes())));
      case PUBLIC_KEY -> fromSpki(block.bytes());
      default -> throw new TrustException(Kind.INVALID, "unsupported PEM block type \"" + block.type()
          + "\", expecting PUBLIC KEY or CERTIFICATE");
    };
  }

  private static TufPublicKey fromSpki(byte[] spki) {
    for (KeyType type : new KeyType[] {KeyType.ECDSA, KeyType.RSA}) {
      try {
        PublicKey key = KeyFactory.getInstance(type == KeyType.ECDSA ? "EC" : "RSA")
            .generatePublic(new X509EncodedKeySpec(spki));
        return TufKeys.fromJca(type, key);
      } catch (GeneralSecurityException | RuntimeException notThisType) {
        // try the next algorithm
      }
    }
    throw new TrustException(Kind.INVALID, "the PUBLIC KEY is neither an ECDSA nor an RSA key");
  }
}
