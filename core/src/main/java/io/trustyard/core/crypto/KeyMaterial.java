package io.trustyard.core.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Conversions between JDK keys and Notary's byte encodings (spec/notary.md §2.6): public bytes are
 * a DER SubjectPublicKeyInfo (ecdsa, rsa) or the raw 32 bytes (ed25519); private bytes are SEC1
 * (ecdsa), PKCS#1 (rsa) or public‖seed‖public (ed25519), all as Go marshals them.
 */
final class KeyMaterial {
  static final int ED25519_KEY_LENGTH = 32;
  static final int ED25519_BLOB_LENGTH = 96;
  private static final byte[] ED25519_SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private KeyMaterial() {}

  // ---- public keys ----

  /** The Notary public bytes of the public half of {@code key} (bare type: ECDSA, RSA or ED25519). */
  static byte[] publicBytesOf(KeyType bare, PrivateKey key) {
    return switch (bare) {
      case ECDSA -> {
        ECPrivateKey ec = as(ECPrivateKey.class, key, bare);
        EcCurves curve = EcCurves.of(ec);
        yield ecPublic(curve, curve.publicPoint(ec.getS())).getEncoded();
      }
      case RSA -> {
        RSAPrivateCrtKey rsa = as(RSAPrivateCrtKey.class, key, bare);
        yield rsaPublic(rsa.getModulus(), rsa.getPublicExponent()).getEncoded();
      }
      case ED25519 -> ed25519PublicOfSeed(ed25519Seed(as(EdECPrivateKey.class, key, bare)));
      default -> throw new UnsupportedKeyTypeException("not a bare key type: " + bare.wireName());
    };
  }

  /** A JDK public key from bare-type Notary public bytes. */
  static PublicKey jcaPublic(KeyType bare, byte[] publicBytes) {
    try {
      return switch (bare) {
        case ECDSA -> KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicBytes));
        case RSA -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicBytes));
        case ED25519 -> {
          if (publicBytes.length != ED25519_KEY_LENGTH) {
            throw new MalformedKeyException("ed25519 public key must be 32 bytes, not " + publicBytes.length);
          }
          byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + ED25519_KEY_LENGTH);
          System.arraycopy(publicBytes, 0, spki, ED25519_SPKI_PREFIX.length, ED25519_KEY_LENGTH);
          yield KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        }
        default -> throw new UnsupportedKeyTypeException("not a bare key type: " + bare.wireName());
      };
    } catch (GeneralSecurityException | RuntimeException e) {
      if (e instanceof TufCryptoException t) {
        throw t;
      }
      throw new MalformedKeyException("invalid " + bare.wireName() + " public key: " + e.getMessage(), e);
    }
  }

  static PublicKey ecPublic(EcCurves curve, java.security.spec.ECPoint point) {
    try {
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve.jdkSpec()));
    } catch (GeneralSecurityException e) {
      throw new MalformedKeyException("invalid EC point", e);
    }
  }

  static PublicKey rsaPublic(BigInteger n, BigInteger e) {
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    } catch (GeneralSecurityException ex) {
      throw new MalformedKeyException("invalid RSA public key", ex);
    }
  }

  // ---- private keys: JDK key -> Notary bytes ----

  static byte[] privateBytesOf(KeyType bare, PrivateKey key) {
    return switch (bare) {
      case ECDSA -> {
        ECPrivateKey ec = as(ECPrivateKey.class, key, bare);
        EcCurves curve = EcCurves.of(ec);
        byte[] point = curve.encodePoint(curve.publicPoint(ec.getS()));
        yield der(new org.bouncycastle.asn1.sec.ECPrivateKey(
            curve.order().bitLength(), ec.getS(), new DERBitString(point), curve.oid));
      }
      case RSA -> {
        RSAPrivateCrtKey k = as(RSAPrivateCrtKey.class, key, bare);
        yield der(new RSAPrivateKey(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
            k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()));
      }
      case ED25519 -> {
        byte[] seed = ed25519Seed(as(EdECPrivateKey.class, key, bare));
        byte[] pub = ed25519PublicOfSeed(seed);
        byte[] blob = new byte[ED25519_BLOB_LENGTH];
        System.arraycopy(pub, 0, blob, 0, 32);
        System.arraycopy(seed, 0, blob, 32, 32);
        System.arraycopy(pub, 0, blob, 64, 32);
        Arrays.fill(seed, (byte) 0);
        yield blob;
      }
      default -> throw new UnsupportedKeyTypeException("not a bare key type: " + bare.wireName());
    };
  }

  // ---- private keys: Notary bytes -> JDK key ----

  /** Parses Notary private bytes of a bare type; {@code curveHint} names the curve when SEC1 omits it. */
  static PrivateKey jcaPrivate(KeyType bare, byte[] privateBytes, ASN1ObjectIdentifier curveHint) {
    try {
      return switch (bare) {
        case ECDSA -> ecPrivateFromSec1(privateBytes, curveHint);
        case RSA -> rsaPrivateFromPkcs1(privateBytes);
        case ED25519 -> ed25519FromBlob(privateBytes);
        default -> throw new UnsupportedKeyTypeException("not a bare key type: " + bare.wireName());
      };
    } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new MalformedKeyException("invalid " + bare.wireName() + " private key: " + e.getMessage(), e);
    }
  }

  /**
   * SEC1 ECPrivateKey, parsed strictly: SEQUENCE {INTEGER 1, OCTET STRING d, [0] curve OID
   * OPTIONAL, [1] BIT STRING public point OPTIONAL} and nothing else. Go ignores the embedded
   * public key; checking it (and refusing unknown fields) means a corrupted or tampered file
   * (PBES2 has no integrity check) cannot decrypt to a key other than the one written.
   */
  private static PrivateKey ecPrivateFromSec1(byte[] der, ASN1ObjectIdentifier curveHint)
      throws GeneralSecurityException {
    if (!(parse(der) instanceof ASN1Sequence seq) || seq.size() < 2 || seq.size() > 4
        || !(seq.getObjectAt(0) instanceof ASN1Integer version) || !version.hasValue(1)
        || !(seq.getObjectAt(1) instanceof ASN1OctetString secret)) {
      throw new MalformedKeyException("not a SEC1 EC private key");
    }
    ASN1ObjectIdentifier named = null;
    ASN1BitString embedded = null;
    int lastTag = -1;
    for (int i = 2; i < seq.size(); i++) {
      if (!(seq.getObjectAt(i) instanceof ASN1TaggedObject tagged) || !tagged.hasContextTag()
          || tagged.getTagNo() <= lastTag || tagged.getTagNo() > 1 || !tagged.isExplicit()) {
        throw new MalformedKeyException("unexpected field in SEC1 EC private key");
      }
      lastTag = tagged.getTagNo();
      ASN1Primitive inner = tagged.getExplicitBaseObject().toASN1Primitive();
      if (lastTag == 0) {
        if (!(inner instanceof ASN1ObjectIdentifier oid)) {
          throw new UnsupportedKeyTypeException("EC private key without a named curve");
        }
        named = oid;
      } else if (inner instanceof ASN1BitString bits && bits.getPadBits() == 0) {
        embedded = bits;
      } else {
        throw new MalformedKeyException("SEC1 public key is not a BIT STRING");
      }
    }
    if (named != null && curveHint != null && !curveHint.equals(named)) {
      throw new MalformedKeyException("EC private key curve " + named + " differs from its PKCS#8 curve " + curveHint);
    }
    ASN1ObjectIdentifier oid = named != null ? named : curveHint;
    if (oid == null) {
      throw new MalformedKeyException("EC private key names no curve");
    }
    EcCurves curve = EcCurves.byOid(oid);
    BigInteger d = new BigInteger(1, secret.getOctets());
    // Shorter scalars are tolerated as Go does (old OpenSSL dropped leading zeros).
    if (secret.getOctets().length > curve.scalarLength() || d.signum() <= 0 || d.compareTo(curve.order()) >= 0) {
      throw new MalformedKeyException("EC private scalar is too long or out of range");
    }
    if (embedded != null && !Arrays.equals(embedded.getOctets(), curve.encodePoint(curve.publicPoint(d)))) {
      throw new MalformedKeyException("EC private key does not match its embedded public key");
    }
    return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, curve.jdkSpec()));
  }

  private static PrivateKey rsaPrivateFromPkcs1(byte[] der) throws GeneralSecurityException {
    RSAPrivateKey k = RSAPrivateKey.getInstance(parse(der));
    if (k.getVersion().signum() != 0) {
      throw new UnsupportedKeyTypeException("multi-prime RSA keys are not supported");
    }
    BigInteger n = k.getModulus();
    BigInteger e = k.getPublicExponent();
    BigInteger d = k.getPrivateExponent();
    BigInteger p = k.getPrime1();
    BigInteger q = k.getPrime2();
    BigInteger one = BigInteger.ONE;
    // Go validates the key and recomputes the CRT values; refuse inconsistent ones outright so a
    // corrupted file cannot yield a key that signs wrongly.
    if (p.compareTo(one) <= 0 || q.compareTo(one) <= 0 || !p.multiply(q).equals(n) || e.compareTo(one) <= 0
        || !e.multiply(d).mod(p.subtract(one)).equals(one) || !e.multiply(d).mod(q.subtract(one)).equals(one)) {
      throw new MalformedKeyException("inconsistent RSA private key");
    }
    BigInteger dp = d.mod(p.subtract(one));
    BigInteger dq = d.mod(q.subtract(one));
    BigInteger qinv = q.modInverse(p);
    if (!dp.equals(k.getExponent1()) || !dq.equals(k.getExponent2()) || !qinv.equals(k.getCoefficient())) {
      throw new MalformedKeyException("inconsistent RSA CRT parameters");
    }
    return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qinv));
  }

  private static PrivateKey ed25519FromBlob(byte[] blob) throws GeneralSecurityException {
    if (blob.length != ED25519_BLOB_LENGTH) {
      throw new MalformedKeyException("ed25519 private key must be 96 bytes, not " + blob.length);
    }
    byte[] seed = Arrays.copyOfRange(blob, 32, 64);
    try {
      byte[] pub = ed25519PublicOfSeed(seed);
      if (!Arrays.equals(pub, 0, 32, blob, 0, 32) || !Arrays.equals(pub, 0, 32, blob, 64, 96)) {
        throw new MalformedKeyException("ed25519 private key does not match its public key");
      }
      return ed25519FromSeed(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  static PrivateKey ed25519FromSeed(byte[] seed) throws GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519")
        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
  }

  static byte[] ed25519PublicOfSeed(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  private static byte[] ed25519Seed(EdECPrivateKey key) {
    return key.getBytes().orElseThrow(() -> new UnsupportedKeyTypeException("ed25519 key without exportable seed"));
  }

  // ---- helpers ----

  static <T> T as(Class<T> type, PrivateKey key, KeyType bare) {
    if (!type.isInstance(key)) {
      throw new UnsupportedKeyTypeException(
          "a " + bare.wireName() + " key needs a " + type.getSimpleName() + ", not " + key.getAlgorithm());
    }
    return type.cast(key);
  }

  static ASN1Primitive parse(byte[] der) {
    try {
      ASN1Primitive p = ASN1Primitive.fromByteArray(der);
      if (p == null) {
        throw new MalformedKeyException("empty DER");
      }
      return p;
    } catch (IOException | IllegalArgumentException e) {
      throw new MalformedKeyException("invalid DER: " + e.getMessage(), e);
    }
  }

  static byte[] der(org.bouncycastle.asn1.ASN1Encodable object) {
    try {
      return object.toASN1Primitive().getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }
}
