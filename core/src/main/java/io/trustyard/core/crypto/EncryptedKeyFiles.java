package io.trustyard.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Notary's private key files (spec/notary.md §7.2): PEM {@code ENCRYPTED PRIVATE KEY} with
 * {@code gun}/{@code role} headers, PBES2 (PBKDF2-HMAC-SHA1, 2048 iterations, AES-256-CBC) around
 * Go's inner PKCS#8. Also reads unencrypted {@code PRIVATE KEY} files (as {@code notary key import}
 * takes them) and the legacy {@code EC/RSA/ED25519 PRIVATE KEY} types.
 *
 * <p>Pure: bytes in, bytes out. Files go to {@code private/<canonical key ID>.key} with mode 0600
 * (the caller's job). A key file always holds the bare key; pair it with its root certificate via
 * {@link TufPrivateKey#withPublicKey}.
 */
public final class EncryptedKeyFiles {
  public static final String ENCRYPTED_TYPE = "ENCRYPTED PRIVATE KEY";
  public static final String PLAIN_TYPE = "PRIVATE KEY";
  public static final String ROLE_HEADER = "role";
  public static final String GUN_HEADER = "gun";

  /**
   * A decoded key file. {@code role} is "" when the file has no role header (as Go reads it);
   * {@code gun} is present only for keys bound to one repository (targets, snapshot, timestamp).
   */
  public record KeyFile(TufPrivateKey key, String role, Optional<String> gun) {
    public KeyFile {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(gun, "gun");
    }
  }

  private EncryptedKeyFiles() {}

  /**
   * An encrypted key file exactly as Notary writes it: headers {@code gun} (when not null/empty)
   * then {@code role}, a blank line, base64 in 64-column lines.
   *
   * @param passphrase must not be empty (Notary never stores unencrypted keys)
   */
  public static byte[] write(TufPrivateKey key, String role, String gun, char[] passphrase, SecureRandom random) {
    Objects.requireNonNull(passphrase, "passphrase");
    if (passphrase.length == 0) {
      throw new IllegalArgumentException("an encrypted key file needs a non-empty passphrase");
    }
    byte[] inner = Pkcs8Codec.encode(key);
    try {
      return Pem.encode(ENCRYPTED_TYPE, headers(role, gun), Pbes2.encrypt(inner, passphrase, random));
    } finally {
      Arrays.fill(inner, (byte) 0);
    }
  }

  /** An unencrypted {@code PRIVATE KEY} PEM with the same headers and inner PKCS#8 (for import/export). */
  public static byte[] writeUnencrypted(TufPrivateKey key, String role, String gun) {
    byte[] inner = Pkcs8Codec.encode(key);
    try {
      return Pem.encode(PLAIN_TYPE, headers(role, gun), inner);
    } finally {
      Arrays.fill(inner, (byte) 0);
    }
  }

  private static Map<String, String> headers(String role, String gun) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (gun != null && !gun.isEmpty()) {
      headers.put(GUN_HEADER, gun);
    }
    if (role != null && !role.isEmpty()) {
      headers.put(ROLE_HEADER, role);
    }
    return headers;
  }

  /**
   * Reads a key file, decrypting it when it is encrypted ({@code passphrase} is ignored otherwise).
   *
   * @throws WrongPassphraseException when the passphrase does not decrypt it
   * @throws MalformedKeyException when it is not a key file Notary could read
   * @throws UnsupportedKeyTypeException for keys of other algorithms or curves
   */
  public static KeyFile read(byte[] pem, char[] passphrase) {
    return read(Pem.decodeFirst(pem), passphrase);
  }

  /** Reads one block of a multi-key file (e.g. {@code notary key export} output, see {@link Pem#decodeAll}). */
  public static KeyFile read(PemBlock block, char[] passphrase) {
    TufPrivateKey key = switch (block.type()) {
      case ENCRYPTED_TYPE -> decryptPkcs8(block.bytes(), passphrase);
      case PLAIN_TYPE -> Pkcs8Codec.decode(block.bytes());
      case "EC PRIVATE KEY", "RSA PRIVATE KEY", "ED25519 PRIVATE KEY" -> LegacyKeys.read(block, passphrase);
      default -> throw new MalformedKeyException("unsupported key file type \"" + block.type() + "\"");
    };
    Map<String, String> headers = block.headers();
    String gun = headers.getOrDefault(GUN_HEADER, "");
    return new KeyFile(key, headers.getOrDefault(ROLE_HEADER, ""), gun.isEmpty() ? Optional.empty() : Optional.of(gun));
  }

  /** True when the file's first PEM block needs a passphrase. */
  public static boolean isEncrypted(byte[] pem) {
    PemBlock block = Pem.decodeFirst(pem);
    return block.type().equals(ENCRYPTED_TYPE) || block.headers().containsKey("DEK-Info");
  }

  private static TufPrivateKey decryptPkcs8(byte[] der, char[] passphrase) {
    if (passphrase == null || passphrase.length == 0) {
      throw new WrongPassphraseException("the key file is encrypted and no passphrase was given");
    }
    byte[] inner = Pbes2.decrypt(der, passphrase);
    try {
      return Pkcs8Codec.decode(inner);
    } catch (MalformedKeyException | UnsupportedKeyTypeException e) {
      // A wrong passphrase that happens to leave valid padding decrypts to garbage, and so does a
      // corrupted file (PBES2 has no integrity check); Go reports every such case as a wrong
      // password too.
      throw new WrongPassphraseException("incorrect passphrase (or corrupt key file)");
    } finally {
      Arrays.fill(inner, (byte) 0);
    }
  }

  /**
   * The first block re-encoded with {@code extra} headers added or replaced, ciphertext untouched:
   * what {@code notary key export} does with {@code path: <key ID>}.
   */
  public static byte[] withHeaders(byte[] pem, Map<String, String> extra) {
    PemBlock block = Pem.decodeFirst(pem);
    Map<String, String> headers = new LinkedHashMap<>(block.headers());
    headers.putAll(extra);
    return Pem.encode(block.type(), headers, block.bytes());
  }

  /** The PEM headers of the first block ({@code role}, {@code gun}, ...) without decrypting. */
  public static Map<String, String> headers(byte[] pem) {
    return Pem.decodeFirst(pem).headers();
  }
}
