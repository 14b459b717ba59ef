package io.trustyard.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** Key generation and conversions between TUF keys and JDK keys. */
public final class TufKeys {
  /** Notary's minimum RSA modulus (verifiers reject smaller keys). */
  public static final int MIN_RSA_BITS = 2048;

  private TufKeys() {}

  /**
   * A new key: ECDSA on P-256 (what Notary generates), ED25519, or RSA with 2048 bits. Certificate
   * types are made from a bare key with {@link RootCertificates#create}.
   */
  public static TufPrivateKey generate(KeyType type, SecureRandom random) {
    return switch (type) {
      case ECDSA -> generate(type, "EC", new ECGenParameterSpec(EcCurves.P256.jdkName), random);
      case ED25519 -> generate(type, "Ed25519", java.security.spec.NamedParameterSpec.ED25519, random);
      case RSA -> generateRsa(MIN_RSA_BITS, random);
      case ECDSA_X509, RSA_X509 -> throw new UnsupportedKeyTypeException(
          "generate a bare key and wrap it with RootCertificates.create, not " + type.wireName());
    };
  }

  /** A new RSA key of {@code bits} (at least 2048). */
  public static TufPrivateKey generateRsa(int bits, SecureRandom random) {
    if (bits < MIN_RSA_BITS) {
      throw new UnsupportedKeyTypeException("RSA keys must have at least " + MIN_RSA_BITS + " bits");
    }
    return generate(KeyType.RSA, "RSA", new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
  }

  private static TufPrivateKey generate(
      KeyType type, String algorithm, java.security.spec.AlgorithmParameterSpec spec, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(spec, random);
      KeyPair pair = generator.generateKeyPair();
      return new TufPrivateKey(fromJca(type, pair.getPublic()), pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new UnsupportedKeyTypeException("cannot generate " + type.wireName() + ": " + e.getMessage());
    }
  }

  /** The TUF form of a JDK public key of a bare type (x509 keys come from {@link RootCertificates#toX509Key}). */
  public static TufPublicKey fromJca(KeyType type, PublicKey key) {
    byte[] spki = key.getEncoded();
    return switch (type) {
      case ECDSA, RSA -> {
        // Round-trip through the JDK so the bytes are the canonical DER Go would marshal.
        PublicKey parsed = KeyMaterial.jcaPublic(type, spki);
        if (!parsed.getAlgorithm().equals(type == KeyType.ECDSA ? "EC" : "RSA")) {
          throw new UnsupportedKeyTypeException(key.getAlgorithm() + " key is not " + type.wireName());
        }
        yield new TufPublicKey(type, parsed.getEncoded());
      }
      case ED25519 -> {
        if (!(key instanceof java.security.interfaces.EdECPublicKey) || spki.length != 44) {
          throw new UnsupportedKeyTypeException(key.getAlgorithm() + " key is not ed25519");
        }
        yield new TufPublicKey(type, java.util.Arrays.copyOfRange(spki, 12, 44));
      }
      case ECDSA_X509, RSA_X509 -> throw new UnsupportedKeyTypeException(
          "x509 keys are made from certificates: RootCertificates.toX509Key");
    };
  }

  /**
   * The JDK public key behind a TUF key; for {@code *-x509} keys the key of the first certificate.
   *
   * @throws UnsupportedKeyTypeException for unknown key types
   * @throws MalformedKeyException when the bytes do not parse
   */
  public static PublicKey toJca(TufPublicKey key) {
    KeyType type = key.type()
        .orElseThrow(() -> new UnsupportedKeyTypeException("unknown key type " + key.keyType()));
    if (type.isX509()) {
      PublicKey pk = X509Pem.firstCertificate(key.publicBytes()).getPublicKey();
      String expected = type == KeyType.ECDSA_X509 ? "EC" : "RSA";
      if (!pk.getAlgorithm().equals(expected)) {
        throw new MalformedKeyException(type.wireName() + " certificate holds a " + pk.getAlgorithm() + " key");
      }
      return pk;
    }
    return KeyMaterial.jcaPublic(type, key.publicBytes());
  }
}
