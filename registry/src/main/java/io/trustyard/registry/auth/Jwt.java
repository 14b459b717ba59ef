package io.trustyard.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Base64;
import java.util.Map;

/**
 * Compact JWS (JWT) signing and verification for Docker token auth: ES256/384/512, RS256/384/512
 * and PS256. The algorithm must match the configured key's type; {@code none} and HMAC are refused.
 */
public final class Jwt {
  static final ObjectMapper JSON = new ObjectMapper();
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private Jwt() {}

  /** A JWT whose signature is good; the claims are not yet checked. */
  public record Verified(JsonNode header, JsonNode claims) {}

  public static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key)
      throws GeneralSecurityException {
    String alg = (String) header.get("alg");
    try {
      String input = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
      Signature s = signature(alg, key);
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(s.sign());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The algorithm name to sign with for a key (ES256 for P-256, RS256 for RSA). */
  public static String algorithmFor(PrivateKey key) {
    if (key instanceof ECKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return bits <= 256 ? "ES256" : bits <= 384 ? "ES384" : "ES512";
    }
    if (key instanceof RSAKey) {
      return "RS256";
    }
    throw new IllegalArgumentException("token signing keys must be EC or RSA");
  }

  /** Verifies the signature with {@code key}; throws if the token is malformed or the signature bad. */
  public static Verified verify(String token, PublicKey key) throws GeneralSecurityException {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new GeneralSecurityException("token too long");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new GeneralSecurityException("token is not a compact JWS");
    }
    JsonNode header;
    JsonNode claims;
    byte[] sig;
    try {
      header = JSON.readTree(unb64(parts[0]));
      claims = JSON.readTree(unb64(parts[1]));
      sig = unb64(parts[2]);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new GeneralSecurityException("token is not valid base64url JSON");
    }
    if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
      throw new GeneralSecurityException("token header and claims must be JSON objects");
    }
    String alg = header.path("alg").asText("");
    boolean ecAlg = alg.startsWith("ES");
    boolean rsaAlg = alg.startsWith("RS") || alg.startsWith("PS");
    if (!(ecAlg && key instanceof ECKey) && !(rsaAlg && key instanceof RSAKey)) {
      throw new GeneralSecurityException("token algorithm " + alg + " does not match the verification key");
    }
    Signature s = signature(alg, key);
    s.initVerify(key);
    s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!s.verify(sig)) {
      throw new GeneralSecurityException("token signature is invalid");
    }
    return new Verified(header, claims);
  }

  private static Signature signature(String alg, java.security.Key key) throws GeneralSecurityException {
    return switch (alg) {
      case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
      case "ES384" -> Signature.getInstance("SHA384withECDSAinP1363Format");
      case "ES512" -> Signature.getInstance("SHA512withECDSAinP1363Format");
      case "RS256" -> Signature.getInstance("SHA256withRSA");
      case "RS384" -> Signature.getInstance("SHA384withRSA");
      case "RS512" -> Signature.getInstance("SHA512withRSA");
      case "PS256" -> {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
            java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        yield s;
      }
      default -> throw new GeneralSecurityException("token algorithm '" + alg + "' is not accepted");
    };
  }

  static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] unb64(String s) {
    return Base64.getUrlDecoder().decode(s);
  }
}
