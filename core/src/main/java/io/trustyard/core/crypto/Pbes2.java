package io.trustyard.core.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PKCS#8 EncryptedPrivateKeyInfo with PBES2 exactly as Notary writes it (tuf/utils/pkcs8.go):
 * PBKDF2 {8-byte salt, 2048 iterations, no keyLength, default PRF HMAC-SHA1}, AES-256-CBC with a
 * 16-byte IV, PKCS#7 padding. Reading accepts only PBES2/PBKDF2/AES-256-CBC like Go, but honours an
 * explicit hmacWithSHA256 PRF (Go ignores the field and would fail on such files).
 */
final class Pbes2 {
  static final ASN1ObjectIdentifier PBES2 = new ASN1ObjectIdentifier("1.2.840.113549.1.5.13");
  static final ASN1ObjectIdentifier PBKDF2 = new ASN1ObjectIdentifier("1.2.840.113549.1.5.12");
  static final ASN1ObjectIdentifier AES_256_CBC = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.1.42");
  static final ASN1ObjectIdentifier HMAC_SHA1 = new ASN1ObjectIdentifier("1.2.840.113549.2.7");
  static final ASN1ObjectIdentifier HMAC_SHA256 = new ASN1ObjectIdentifier("1.2.840.113549.2.9");
  static final int ITERATIONS = 2048;
  static final int SALT_LENGTH = 8;
  static final int IV_LENGTH = 16;
  /** Refuse absurd iteration counts in untrusted files (a cheap denial of service otherwise). */
  static final int MAX_ITERATIONS = 1_000_000;
  private static final int AES_KEY_BYTES = 32;

  private Pbes2() {}

  static byte[] encrypt(byte[] plaintext, char[] passphrase, SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    byte[] iv = new byte[IV_LENGTH];
    random.nextBytes(salt);
    random.nextBytes(iv);
    byte[] key = deriveKey(passphrase, salt, ITERATIONS, new SHA1Digest());
    byte[] ciphertext;
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      ciphertext = aes.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    ASN1Encodable kdf = seq(PBKDF2, seq(new DEROctetString(salt), new ASN1Integer(ITERATIONS)));
    ASN1Encodable scheme = seq(AES_256_CBC, new DEROctetString(iv));
    return KeyMaterial.der(seq(seq(PBES2, seq(kdf, scheme)), new DEROctetString(ciphertext)));
  }

  /**
   * Decrypts; returns the plaintext with padding removed.
   *
   * @throws WrongPassphraseException when the padding does not check out
   * @throws MalformedKeyException when the structure is not PBES2/PBKDF2/AES-256-CBC
   */
  static byte[] decrypt(byte[] der, char[] passphrase) {
    ASN1Sequence info = seqOf(KeyMaterial.parse(der), "EncryptedPrivateKeyInfo", 2);
    ASN1Sequence algorithm = seqOf(info.getObjectAt(0), "encryptionAlgorithm", 2);
    if (!PBES2.equals(algorithm.getObjectAt(0))) {
      throw new MalformedKeyException("key file is not PBES2-encrypted (only PKCS #5 v2.0 is supported)");
    }
    ASN1Sequence params = seqOf(algorithm.getObjectAt(1), "PBES2-params", 2);
    ASN1Sequence kdf = seqOf(params.getObjectAt(0), "keyDerivationFunc", 2);
    if (!PBKDF2.equals(kdf.getObjectAt(0))) {
      throw new MalformedKeyException("key file does not use PBKDF2");
    }
    ASN1Sequence kdfParams = seqOf(kdf.getObjectAt(1), "PBKDF2-params", 2);
    byte[] salt = octets(kdfParams.getObjectAt(0), "salt");
    if (!(kdfParams.getObjectAt(1) instanceof ASN1Integer iterations)
        || iterations.getValue().signum() <= 0
        || iterations.getValue().compareTo(java.math.BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
      throw new MalformedKeyException("PBKDF2 iteration count missing or out of range");
    }
    Digest prf = new SHA1Digest();
    for (int i = 2; i < kdfParams.size(); i++) {
      ASN1Encodable field = kdfParams.getObjectAt(i);
      if (field instanceof ASN1Integer keyLength) {
        if (keyLength.getValue().intValue() != AES_KEY_BYTES) {
          throw new MalformedKeyException("PBKDF2 key length must be 32 for AES-256");
        }
      } else if (field instanceof ASN1Sequence prfId && prfId.size() >= 1) {
        ASN1Encodable prfOid = prfId.getObjectAt(0);
        if (HMAC_SHA256.equals(prfOid)) {
          prf = new SHA256Digest();
        } else if (!HMAC_SHA1.equals(prfOid)) {
          throw new MalformedKeyException("unsupported PBKDF2 PRF " + prfOid);
        }
      }
    }
    ASN1Sequence scheme = seqOf(params.getObjectAt(1), "encryptionScheme", 2);
    if (!AES_256_CBC.equals(scheme.getObjectAt(0))) {
      throw new MalformedKeyException("key file is not AES-256-CBC encrypted (the only cipher Notary accepts)");
    }
    byte[] iv = octets(scheme.getObjectAt(1), "IV");
    byte[] ciphertext = octets(info.getObjectAt(1), "encryptedData");
    if (iv.length != IV_LENGTH || ciphertext.length == 0 || ciphertext.length % 16 != 0) {
      throw new MalformedKeyException("AES-256-CBC parameters or data have the wrong length");
    }
    byte[] key = deriveKey(passphrase, salt, iterations.getValue().intValueExact(), prf);
    byte[] padded;
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      padded = aes.doFinal(ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC unavailable", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    int pad = padded[padded.length - 1] & 0xff;
    boolean ok = pad >= 1 && pad <= 16;
    for (int i = 0; ok && i < pad; i++) {
      ok = (padded[padded.length - 1 - i] & 0xff) == pad;
    }
    if (!ok) {
      Arrays.fill(padded, (byte) 0);
      throw new WrongPassphraseException("incorrect passphrase for the key file");
    }
    byte[] plain = Arrays.copyOf(padded, padded.length - pad);
    Arrays.fill(padded, (byte) 0);
    return plain;
  }

  /** PBKDF2 over the UTF-8 bytes of the passphrase, as Go's {@code []byte(passphrase)}. */
  private static byte[] deriveKey(char[] passphrase, byte[] salt, int iterations, Digest prf) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] password = new byte[encoded.remaining()];
    encoded.get(password);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    try {
      PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf);
      generator.init(password, salt, iterations);
      return ((KeyParameter) generator.generateDerivedParameters(AES_KEY_BYTES * 8)).getKey();
    } finally {
      Arrays.fill(password, (byte) 0);
    }
  }

  private static DERSequence seq(ASN1Encodable... items) {
    return new DERSequence(items);
  }

  private static ASN1Sequence seqOf(ASN1Encodable e, String what, int minSize) {
    if (!(e instanceof ASN1Sequence s) || s.size() < minSize) {
      throw new MalformedKeyException("key file " + what + " is malformed");
    }
    return s;
  }

  private static byte[] octets(ASN1Encodable e, String what) {
    if (!(e instanceof ASN1OctetString o)) {
      throw new MalformedKeyException("key file " + what + " is not an OCTET STRING");
    }
    return o.getOctets();
  }
}
