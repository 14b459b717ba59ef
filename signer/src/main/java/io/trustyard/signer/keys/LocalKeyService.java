package io.trustyard.signer.keys;

import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.TufCryptoException;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.Limits;
import io.trustyard.signer.SignerError;
import io.trustyard.signer.SignerException;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.Signed;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signer's keys in-process: generated here, stored JWE-encrypted under the passphrase of the
 * default alias, decrypted on first use and then kept in memory (as notary-signer's cached crypto
 * service does). Every input is checked before anything is stored or signed.
 */
public final class LocalKeyService implements KeyService {

  private static final Logger LOG = LoggerFactory.getLogger(LocalKeyService.class);
  /** RSA keys are made larger than Notary's 2048-bit floor. */
  static final int RSA_BITS = 3072;

  private final KeyStore store;
  private final Passphrases passphrases;
  private final String defaultAlias;
  private final SecureRandom random;
  private final Clock clock;
  private final Map<String, TufPrivateKey> unlocked = new ConcurrentHashMap<>();
  private final Runnable onClose;

  /**
   * @param onClose run by {@link #close()} (closes the database when this service owns it)
   */
  public LocalKeyService(KeyStore store, Passphrases passphrases, String defaultAlias, SecureRandom random,
      Clock clock, Runnable onClose) {
    this.store = Objects.requireNonNull(store, "store");
    this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
    this.defaultAlias = Objects.requireNonNull(defaultAlias, "defaultAlias");
    if (!Passphrases.ALIAS.matcher(defaultAlias).matches()) {
      throw new IllegalArgumentException("passphrase alias '" + defaultAlias + "' must match " + Passphrases.ALIAS);
    }
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
  }

  @Override
  public SignerKey createKey(String algorithm, String gun, String role) {
    KeyType type = generatableType(algorithm);
    checkText("gun", gun, Limits.MAX_GUN_CHARS);
    checkText("role", role, Limits.MAX_ROLE_CHARS);
    Optional<StoredKey> unused = store.firstUnused(role, gun, type.wireName());
    if (unused.isPresent()) {
      LOG.info("CreateKey: reusing unused {} key {} for {} of '{}'", type.wireName(), unused.get().keyId(), role, gun);
      return toSignerKey(unused.get());
    }
    char[] passphrase = passphrases.forAlias(defaultAlias).orElseThrow(() -> new SignerException(
        SignerError.PASSPHRASE_UNAVAILABLE, "no passphrase for the default alias '" + defaultAlias
            + "': set the environment variable " + Passphrases.environmentVariable(defaultAlias)));
    TufPrivateKey key = type == KeyType.RSA ? TufKeys.generateRsa(RSA_BITS, random) : TufKeys.generate(type, random);
    byte[] privateBytes = key.privateBytes();
    String encrypted;
    try {
      encrypted = Jwe.encrypt(privateBytes, passphrase, random);
    } finally {
      Arrays.fill(privateBytes, (byte) 0);
      Arrays.fill(passphrase, '\0');
    }
    StoredKey stored = new StoredKey(key.id(), type.wireName(), gun, role, key.publicKey().publicBytes(), encrypted,
        defaultAlias, Optional.empty());
    try {
      store.add(stored);
    } catch (RuntimeException e) {
      LOG.error("CreateKey: storing a new {} key failed: {}", type.wireName(), e.getMessage());
      throw new SignerException(SignerError.INTERNAL, "Key creation failed: the key could not be stored", e);
    }
    unlocked.put(key.id(), key);
    LOG.info("CreateKey: created {} key {} for {} of '{}'", type.wireName(), key.id(), role, gun);
    return toSignerKey(stored);
  }

  @Override
  public Optional<SignerKey> getKey(String keyId) {
    if (!plausibleKeyId(keyId)) {
      return Optional.empty();
    }
    return store.get(keyId).map(LocalKeyService::toSignerKey);
  }

  @Override
  public void deleteKey(String keyId) {
    if (!plausibleKeyId(keyId)) {
      return;
    }
    unlocked.remove(keyId);
    if (store.delete(keyId)) {
      LOG.info("DeleteKey: deleted key {}", keyId);
    }
  }

  @Override
  public Signed sign(String keyId, byte[] content) {
    Objects.requireNonNull(content, "content");
    if (content.length > Limits.MAX_SIGN_BYTES) {
      throw new SignerException(SignerError.PAYLOAD_TOO_LARGE, "content to sign is " + content.length
          + " bytes; the limit is " + Limits.MAX_SIGN_BYTES);
    }
    TufPrivateKey key = unlock(keyId);
    byte[] signature = TufSignatures.sign(key, content);
    try {
      store.markUsed(keyId, clock.instant());
    } catch (RuntimeException e) {
      // The signature is good; notary-signer does not fail a signature on this either.
      LOG.warn("Sign: could not record the use of key {}: {}", keyId, e.getMessage());
    }
    LOG.debug("Sign: signed {} bytes with key {}", content.length, keyId);
    return new Signed(key.id(), key.publicKey().keyType(), key.signatureMethod(), signature);
  }

  private TufPrivateKey unlock(String keyId) {
    if (!plausibleKeyId(keyId)) {
      throw notFound(keyId);
    }
    TufPrivateKey cached = unlocked.get(keyId);
    if (cached != null && store.get(keyId).isPresent()) {
      return cached;
    }
    StoredKey stored = store.get(keyId).orElseThrow(() -> {
      unlocked.remove(keyId);
      return notFound(keyId);
    });
    char[] passphrase = passphrases.forAlias(stored.passphraseAlias()).orElseThrow(() -> new SignerException(
        SignerError.PASSPHRASE_UNAVAILABLE, "key " + keyId + " is encrypted under the passphrase alias '"
            + stored.passphraseAlias() + "', which has no passphrase: set the environment variable "
            + Passphrases.environmentVariable(stored.passphraseAlias())));
    byte[] privateBytes = null;
    try {
      privateBytes = Jwe.decrypt(stored.encryptedPrivate(), passphrase);
      TufPrivateKey key = TufPrivateKey.fromPrivateBytes(stored.algorithm(), stored.publicBytes(), privateBytes);
      unlocked.put(keyId, key);
      return key;
    } catch (Jwe.JweException e) {
      throw new SignerException(SignerError.KEY_UNREADABLE, "key " + keyId + " cannot be decrypted with the passphrase of alias '"
          + stored.passphraseAlias() + "': " + e.getMessage());
    } catch (TufCryptoException e) {
      throw new SignerException(SignerError.KEY_UNREADABLE, "key " + keyId + " is stored in a form that cannot be used: "
          + e.getMessage());
    } finally {
      Arrays.fill(passphrase, '\0');
      if (privateBytes != null) {
        Arrays.fill(privateBytes, (byte) 0);
      }
    }
  }

  private static KeyType generatableType(String algorithm) {
    Optional<KeyType> type = KeyType.fromWireName(algorithm == null ? "" : algorithm);
    if (type.isEmpty() || type.get().isX509()) {
      throw new SignerException(SignerError.UNSUPPORTED_ALGORITHM, "algorithm '" + truncate(algorithm)
          + "' not supported for create key: use ecdsa, ed25519 or rsa");
    }
    return type.get();
  }

  private static void checkText(String field, String value, int max) {
    if (value == null || value.length() > max || value.chars().anyMatch(ch -> ch < 0x20)) {
      throw new SignerException(SignerError.INVALID_REQUEST, field + " must be at most " + max
          + " characters without control characters");
    }
  }

  private static boolean plausibleKeyId(String keyId) {
    return keyId != null && !keyId.isEmpty() && keyId.length() <= Limits.MAX_KEY_ID_CHARS;
  }

  private static SignerException notFound(String keyId) {
    return new SignerException(SignerError.KEY_NOT_FOUND, "key " + truncate(keyId) + " not found");
  }

  private static String truncate(String s) {
    if (s == null) {
      return "";
    }
    // Client-supplied text ends up in messages and logs: no control characters, bounded length.
    String printable = s.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
  }

  private static SignerKey toSignerKey(StoredKey k) {
    return new SignerKey(k.keyId(), k.algorithm(), k.publicBytes(), k.role());
  }

  /** Undeleted keys per algorithm, from the store (for metrics). */
  public Map<String, Long> countByAlgorithm() {
    return store.countByAlgorithm();
  }

  @Override
  public boolean healthy() {
    try {
      store.get("health-check");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    unlocked.clear();
    onClose.run();
  }
}
