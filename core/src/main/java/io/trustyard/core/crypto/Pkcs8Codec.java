package io.trustyard.core.crypto;

import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * The inner (unencrypted) PKCS#8 PrivateKeyInfo of Notary key files (tuf/utils/pkcs8.go).
 *
 * <p>Written exactly as Go writes it, which is not standard PKCS#8: ECDSA has version 1 and the
 * algorithm identifier SEQUENCE{id-ecPublicKey, curve}; RSA has version 0 and SEQUENCE{rsaEncryption}
 * without the NULL; ED25519 uses OID 1.3.6.1.4.1.11591.15.1 with the 96-byte Notary blob as the key.
 * Read leniently: either version, NULL or absent RSA parameters, and RFC 8410 Ed25519 keys too.
 */
final class Pkcs8Codec {
  static final ASN1ObjectIdentifier RSA_ENCRYPTION = new ASN1ObjectIdentifier("1.2.840.113549.1.1.1");
  static final ASN1ObjectIdentifier EC_PUBLIC_KEY = new ASN1ObjectIdentifier("1.2.840.10045.2.1");
  static final ASN1ObjectIdentifier ED25519_NOTARY = new ASN1ObjectIdentifier("1.3.6.1.4.1.11591.15.1");
  static final ASN1ObjectIdentifier ED25519_RFC8410 = new ASN1ObjectIdentifier("1.3.101.112");

  private Pkcs8Codec() {}

  /** Go's convertTUFKeyToPKCS8, byte for byte. */
  static byte[] encode(TufPrivateKey key) {
    KeyType bare = key.type().bareType();
    byte[] privateBytes = key.privateBytes();
    ASN1EncodableVector algorithm = new ASN1EncodableVector();
    int version;
    switch (bare) {
      case ECDSA -> {
        version = 1;
        algorithm.add(EC_PUBLIC_KEY);
        algorithm.add(EcCurves.of((java.security.interfaces.ECPrivateKey) key.jcaKey()).oid);
      }
      case RSA -> {
        version = 0;
        algorithm.add(RSA_ENCRYPTION);
      }
      case ED25519 -> {
        version = 0;
        algorithm.add(ED25519_NOTARY);
      }
      default -> throw new UnsupportedKeyTypeException("cannot encode " + bare.wireName());
    }
    ASN1EncodableVector info = new ASN1EncodableVector();
    info.add(new ASN1Integer(version));
    info.add(new DERSequence(algorithm));
    info.add(new DEROctetString(privateBytes));
    try {
      return KeyMaterial.der(new DERSequence(info));
    } finally {
      // DEROctetString keeps the array: wipe it only once the DER is written.
      java.util.Arrays.fill(privateBytes, (byte) 0);
    }
  }

  /** Parses a PrivateKeyInfo into a key whose public half is the bare key derived from the secret. */
  static TufPrivateKey decode(byte[] der) {
    ASN1Sequence info = sequence(KeyMaterial.parse(der), "PrivateKeyInfo");
    if (info.size() < 3 || !(info.getObjectAt(0) instanceof ASN1Integer version)
        || version.getValue().signum() < 0 || version.getValue().compareTo(java.math.BigInteger.ONE) > 0) {
      throw new MalformedKeyException("PrivateKeyInfo is not a PKCS#8 structure");
    }
    ASN1Sequence algorithm = sequence(info.getObjectAt(1).toASN1Primitive(), "AlgorithmIdentifier");
    if (algorithm.size() < 1 || !(algorithm.getObjectAt(0) instanceof ASN1ObjectIdentifier oid)) {
      throw new MalformedKeyException("PKCS#8 AlgorithmIdentifier has no algorithm");
    }
    ASN1Encodable parameters = algorithm.size() > 1 ? algorithm.getObjectAt(1) : null;
    if (!(info.getObjectAt(2) instanceof ASN1OctetString keyOctets)) {
      throw new MalformedKeyException("PKCS#8 privateKey is not an OCTET STRING");
    }
    byte[] keyBytes = keyOctets.getOctets();
    KeyType bare;
    PrivateKey jca;
    if (oid.equals(EC_PUBLIC_KEY)) {
      if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
        throw new UnsupportedKeyTypeException("EC key without a named curve");
      }
      bare = KeyType.ECDSA;
      jca = KeyMaterial.jcaPrivate(bare, keyBytes, curve);
    } else if (oid.equals(RSA_ENCRYPTION)) {
      if (parameters != null && !(parameters instanceof ASN1Null)) {
        throw new MalformedKeyException("RSA key with unexpected algorithm parameters");
      }
      bare = KeyType.RSA;
      jca = KeyMaterial.jcaPrivate(bare, keyBytes, null);
    } else if (oid.equals(ED25519_NOTARY)) {
      bare = KeyType.ED25519;
      jca = KeyMaterial.jcaPrivate(bare, keyBytes, null);
    } else if (oid.equals(ED25519_RFC8410)) {
      bare = KeyType.ED25519;
      jca = rfc8410Ed25519(keyBytes);
    } else {
      throw new UnsupportedKeyTypeException("unsupported private key algorithm " + oid);
    }
    return new TufPrivateKey(new TufPublicKey(bare, KeyMaterial.publicBytesOf(bare, jca)), jca);
  }

  private static PrivateKey rfc8410Ed25519(byte[] keyBytes) {
    ASN1Primitive inner = KeyMaterial.parse(keyBytes);
    if (!(inner instanceof ASN1OctetString seed) || seed.getOctets().length != 32) {
      throw new MalformedKeyException("RFC 8410 Ed25519 key must wrap a 32-byte seed");
    }
    try {
      return KeyMaterial.ed25519FromSeed(seed.getOctets());
    } catch (java.security.GeneralSecurityException e) {
      throw new MalformedKeyException("invalid Ed25519 seed", e);
    }
  }

  private static ASN1Sequence sequence(ASN1Primitive p, String what) {
    if (!(p instanceof ASN1Sequence s)) {
      throw new MalformedKeyException(what + " is not a SEQUENCE");
    }
    return s;
  }
}
