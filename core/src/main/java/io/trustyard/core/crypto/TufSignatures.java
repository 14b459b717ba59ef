package io.trustyard.core.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Locale;

/**
 * Signatures of Notary's TUF dialect (spec/notary.md §2.7, tuf/signed/verifiers.go): ECDSA as raw
 * r‖s over SHA-256, RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32), pure Ed25519; RSA PKCS#1 v1.5 and
 * "pycrypto-pkcs#1 pss" are verify-only.
 */
public final class TufSignatures {
  public static final String ECDSA = "ecdsa";
  public static final String RSAPSS = "rsapss";
  public static final String EDDSA = "eddsa";
  public static final String RSAPKCS1V15 = "rsapkcs1v15";
  public static final String PYCRYPTO_PSS = "pycrypto-pkcs#1 pss";
  /** Methods a verifier accepts (after lower-casing, as Go's Signature.UnmarshalJSON does). */
  public static final List<String> VERIFY_METHODS = List.of(RSAPSS, RSAPKCS1V15, PYCRYPTO_PSS, ECDSA, EDDSA);

  private static final int ED25519_SIGNATURE_LENGTH = 64;
  private static final int MIN_RSA_SIGNATURE_BYTES = TufKeys.MIN_RSA_BITS / 8;
  private static final PSSParameterSpec PSS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

  private TufSignatures() {}

  /** Signs {@code message} with the key's own method ({@link TufPrivateKey#signatureMethod()}). */
  public static byte[] sign(TufPrivateKey key, byte[] message) {
    try {
      Signature signer = switch (key.type().bareType()) {
        case ECDSA -> Signature.getInstance("SHA256withECDSAinP1363Format");
        case RSA -> {
          Signature s = Signature.getInstance("RSASSA-PSS");
          s.setParameter(PSS);
          yield s;
        }
        case ED25519 -> Signature.getInstance("Ed25519");
        default -> throw new UnsupportedKeyTypeException("cannot sign with " + key.type().wireName());
      };
      signer.initSign(key.jcaKey());
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new TufCryptoException("signing with " + key.type().wireName() + " key failed: " + e.getMessage(), e);
    }
  }

  /**
   * True only for a valid signature by {@code key} over {@code message} with {@code method}
   * (compared case-insensitively); false, never an exception, for an unknown method, a method that
   * does not fit the key type, an unparsable key, a wrong signature length or a bad signature.
   */
  public static boolean verify(TufPublicKey key, String method, byte[] signature, byte[] message) {
    if (key == null || method == null || signature == null || message == null) {
      return false;
    }
    try {
      return switch (method.toLowerCase(Locale.ROOT)) {
        case ECDSA -> verifyEcdsa(key, signature, message);
        case RSAPSS -> verifyRsa(rsaKey(key), true, signature, message);
        case RSAPKCS1V15 -> verifyRsa(rsaKey(key), false, signature, message);
        case PYCRYPTO_PSS -> verifyRsa(pycryptoKey(key), true, signature, message);
        case EDDSA -> verifyEd25519(key, signature, message);
        default -> false;
      };
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static boolean verifyEcdsa(TufPublicKey key, byte[] signature, byte[] message)
      throws GeneralSecurityException {
    KeyType type = key.type().orElse(null);
    if (type != KeyType.ECDSA && type != KeyType.ECDSA_X509) {
      return false;
    }
    if (!(TufKeys.toJca(key) instanceof ECPublicKey ec)) {
      return false;
    }
    int half = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
    if (signature.length != 2 * half) {
      return false;
    }
    return check("SHA256withECDSAinP1363Format", ec, signature, message);
  }

  private static RSAPublicKey rsaKey(TufPublicKey key) {
    KeyType type = key.type().orElse(null);
    if (type != KeyType.RSA && type != KeyType.RSA_X509) {
      return null;
    }
    return TufKeys.toJca(key) instanceof RSAPublicKey rsa ? rsa : null;
  }

  /** Go's RSAPyCryptoVerifier: keytype "rsa" whose public bytes are a PEM-wrapped SPKI. */
  private static RSAPublicKey pycryptoKey(TufPublicKey key) {
    if (!KeyType.RSA.wireName().equals(key.keyType())) {
      return null;
    }
    PublicKey pk = KeyMaterial.jcaPublic(KeyType.RSA, Pem.decodeFirst(key.publicBytes()).bytes());
    return pk instanceof RSAPublicKey rsa ? rsa : null;
  }

  private static boolean verifyRsa(RSAPublicKey rsa, boolean pss, byte[] signature, byte[] message)
      throws GeneralSecurityException {
    if (rsa == null || rsa.getModulus().bitLength() < TufKeys.MIN_RSA_BITS
        || signature.length < MIN_RSA_SIGNATURE_BYTES) {
      return false;
    }
    if (pss) {
      Signature verifier = Signature.getInstance("RSASSA-PSS");
      verifier.setParameter(PSS);
      return check(verifier, rsa, signature, message);
    }
    return check("SHA256withRSA", rsa, signature, message);
  }

  private static boolean verifyEd25519(TufPublicKey key, byte[] signature, byte[] message)
      throws GeneralSecurityException {
    if (key.type().orElse(null) != KeyType.ED25519 || signature.length != ED25519_SIGNATURE_LENGTH) {
      return false;
    }
    return check("Ed25519", TufKeys.toJca(key), signature, message);
  }

  private static boolean check(String algorithm, PublicKey key, byte[] signature, byte[] message)
      throws GeneralSecurityException {
    return check(Signature.getInstance(algorithm), key, signature, message);
  }

  private static boolean check(Signature verifier, PublicKey key, byte[] signature, byte[] message)
      throws GeneralSecurityException {
    verifier.initVerify(key);
    verifier.update(message);
    return verifier.verify(signature);
  }
}
