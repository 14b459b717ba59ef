package io.trustyard.signer.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JWE compact serialisation notary-signer stores private keys in (RFC 7516/7518):
 * {@code PBES2-HS256+A128KW} key wrapping under a passphrase, {@code A256GCM} content encryption.
 * The header is written as notary's jose2go writes it ({@code alg, enc, p2c, p2s} in key order,
 * 8192 PBKDF2 iterations, 12-byte salt), so that notary-signer can read what we store and we can
 * read what it stored. Only this algorithm pair is accepted when decrypting.
 */
public final class Jwe {

  public static final String KEYWRAP_ALG = "PBES2-HS256+A128KW";
  public static final String ENCRYPTION_ALG = "A256GCM";
  static final int ITERATIONS = 8192;
  static final int SALT_BYTES = 12;
  /** Refuse absurd iteration counts in stored headers rather than spinning for minutes. */
  static final int MAX_ITERATIONS = 10_000_000;
  static final int MAX_TOKEN_CHARS = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private Jwe() {}

  /** Encrypts {@code payload} under {@code passphrase}. */
  public static String encrypt(byte[] payload, char[] passphrase, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] cek = new byte[32];
    random.nextBytes(cek);
    byte[] iv = new byte[12];
    random.nextBytes(iv);
    String header = "{\"alg\":\"" + KEYWRAP_ALG + "\",\"enc\":\"" + ENCRYPTION_ALG + "\",\"p2c\":" + ITERATIONS
        + ",\"p2s\":\"" + B64.encodeToString(salt) + "\"}";
    String encodedHeader = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8));
    try {
      SecretKey kek = deriveKek(passphrase, salt, ITERATIONS);
      Cipher wrap = Cipher.getInstance("AESWrap");
      wrap.init(Cipher.WRAP_MODE, kek);
      byte[] wrappedCek = wrap.wrap(new SecretKeySpec(cek, "AES"));

      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
      gcm.updateAAD(encodedHeader.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = gcm.doFinal(payload);
      byte[] cipherText = Arrays.copyOfRange(sealed, 0, sealed.length - 16);
      byte[] tag = Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length);
      return encodedHeader + "." + B64.encodeToString(wrappedCek) + "." + B64.encodeToString(iv) + "."
          + B64.encodeToString(cipherText) + "." + B64.encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JWE encryption failed", e);
    } finally {
      Arrays.fill(cek, (byte) 0);
    }
  }

  /**
   * Decrypts a token made by {@link #encrypt} or by notary-signer.
   *
   * @throws JweException when the token is malformed, uses another algorithm, or the passphrase
   *     does not open it (the message never contains key material)
   */
  public static byte[] decrypt(String token, char[] passphrase) throws JweException {
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new JweException("encrypted key is " + token.length() + " characters, more than " + MAX_TOKEN_CHARS);
    }
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 5) {
      throw new JweException("not a JWE compact token: " + parts.length + " parts instead of 5");
    }
    JsonNode header;
    byte[] wrappedCek;
    byte[] iv;
    byte[] cipherText;
    byte[] tag;
    byte[] salt;
    try {
      header = JSON.readTree(B64D.decode(parts[0]));
      wrappedCek = B64D.decode(parts[1]);
      iv = B64D.decode(parts[2]);
      cipherText = B64D.decode(parts[3]);
      tag = B64D.decode(parts[4]);
      salt = B64D.decode(header.path("p2s").asText(""));
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new JweException("malformed JWE: " + e.getMessage());
    }
    if (!KEYWRAP_ALG.equals(header.path("alg").asText()) || !ENCRYPTION_ALG.equals(header.path("enc").asText())) {
      throw new JweException("unsupported JWE algorithms alg=" + header.path("alg").asText()
          + " enc=" + header.path("enc").asText() + " (expected " + KEYWRAP_ALG + " with " + ENCRYPTION_ALG + ")");
    }
    JsonNode p2c = header.path("p2c");
    if (!p2c.canConvertToInt() || p2c.asInt() < 1 || p2c.asInt() > MAX_ITERATIONS || salt.length == 0) {
      throw new JweException("JWE header has a missing or unacceptable p2c/p2s");
    }
    if (iv.length != 12 || tag.length != 16 || wrappedCek.length != 40) {
      throw new JweException("JWE parts have wrong lengths for " + ENCRYPTION_ALG);
    }
    try {
      SecretKey kek = deriveKek(passphrase, salt, p2c.asInt());
      Cipher unwrap = Cipher.getInstance("AESWrap");
      unwrap.init(Cipher.UNWRAP_MODE, kek);
      SecretKey cek;
      try {
        cek = (SecretKey) unwrap.unwrap(wrappedCek, "AES", Cipher.SECRET_KEY);
      } catch (GeneralSecurityException e) {
        throw new JweException("the passphrase does not decrypt this key");
      }
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, cek, new GCMParameterSpec(128, iv));
      gcm.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
      gcm.update(cipherText);
      try {
        return gcm.doFinal(tag);
      } catch (javax.crypto.AEADBadTagException e) {
        throw new JweException("the encrypted key failed its integrity check");
      }
    } catch (JweException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new JweException("JWE decryption failed: " + e.getMessage());
    }
  }

  private static SecretKey deriveKek(char[] passphrase, byte[] saltInput, int iterations)
      throws GeneralSecurityException {
    byte[] alg = KEYWRAP_ALG.getBytes(StandardCharsets.US_ASCII);
    byte[] salt = new byte[alg.length + 1 + saltInput.length];
    System.arraycopy(alg, 0, salt, 0, alg.length);
    System.arraycopy(saltInput, 0, salt, alg.length + 1, saltInput.length);
    KeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 128);
    byte[] kek = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    try {
      return new SecretKeySpec(kek, "AES");
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /** A token that cannot be decrypted; the message is safe to show and to log. */
  public static final class JweException extends Exception {
    public JweException(String message) {
      super(message);
    }
  }
}
