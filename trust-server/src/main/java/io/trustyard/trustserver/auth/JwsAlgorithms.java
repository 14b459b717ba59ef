package io.trustyard.trustserver.auth;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/** JWS signature checks for the algorithms registry token servers use (ES*, RS*, PS*). */
final class JwsAlgorithms {
  private JwsAlgorithms() {}

  static boolean verify(String alg, PublicKey key, byte[] signingInput, byte[] signature) {
    String jca;
    boolean ec = key instanceof ECPublicKey;
    boolean rsa = key instanceof RSAPublicKey;
    switch (alg) {
      case "ES256" -> jca = ec ? "SHA256withECDSAinP1363Format" : null;
      case "ES384" -> jca = ec ? "SHA384withECDSAinP1363Format" : null;
      case "ES512" -> jca = ec ? "SHA512withECDSAinP1363Format" : null;
      case "RS256" -> jca = rsa ? "SHA256withRSA" : null;
      case "RS384" -> jca = rsa ? "SHA384withRSA" : null;
      case "RS512" -> jca = rsa ? "SHA512withRSA" : null;
      default -> jca = null;
    }
    if (jca == null) {
      return false;
    }
    try {
      Signature s = Signature.getInstance(jca);
      s.initVerify(key);
      s.update(signingInput);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
