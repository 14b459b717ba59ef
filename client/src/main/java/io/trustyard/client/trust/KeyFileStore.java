package io.trustyard.client.trust;

import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.MalformedKeyException;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.WrongPassphraseException;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The private keys of a trust dir, {@code private/<canonical key ID>.key}: encrypted PKCS#8 with
 * {@code role}/{@code gun} headers, exactly as docker and the notary CLI write and read them
 * (spec/notary.md §7.2). Passphrases come from a {@link PassphraseRetriever}; decrypted keys are
 * kept in memory for the life of the store only.
 */
public final class KeyFileStore {

  /** A key file as listed without decrypting it. */
  public record KeyInfo(String canonicalId, String role, Optional<String> gun) {}

  private static final int MAX_CREATE_ATTEMPTS = 10;
  private static final int MAX_UNLOCK_ATTEMPTS = 10;

  private final TrustDir dir;
  private final PassphraseRetriever passphrases;
  private final SecureRandom random;
  private final Map<String, TufPrivateKey> unlocked = new HashMap<>();

  public KeyFileStore(TrustDir dir, PassphraseRetriever passphrases, SecureRandom random) {
    this.dir = dir;
    this.passphrases = passphrases;
    this.random = random;
  }

  public TrustDir dir() {
    return dir;
  }

  /** Every key file, sorted by key ID; files that are not key files are skipped. */
  public List<KeyInfo> list() {
    Path privateDir = dir.privateDir();
    if (!Files.isDirectory(privateDir)) {
      return List.of();
    }
    List<KeyInfo> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(privateDir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".key") || !Files.isRegularFile(file)) {
          continue;
        }
        String id = name.substring(0, name.length() - 4);
        if (!id.matches("[0-9a-f]{64}")) {
          continue;
        }
        try {
          Map<String, String> headers = EncryptedKeyFiles.headers(readKeyFile(file));
          String gun = headers.getOrDefault(EncryptedKeyFiles.GUN_HEADER, "");
          keys.add(new KeyInfo(id, headers.getOrDefault(EncryptedKeyFiles.ROLE_HEADER, ""),
              gun.isEmpty() ? Optional.empty() : Optional.of(gun)));
        } catch (MalformedKeyException | IOException e) {
          // notary lists only what it can read; so do we.
        }
      }
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot list keys in " + privateDir + ": " + e.getMessage(), e);
    }
    keys.sort(Comparator.comparing(KeyInfo::canonicalId));
    return keys;
  }

  /** Root keys (role {@code root}), sorted by key ID: docker reuses the first. */
  public List<KeyInfo> rootKeys() {
    return list().stream().filter(k -> k.role().equals(RoleNames.ROOT)).toList();
  }

  public boolean has(String canonicalId) {
    return unlocked.containsKey(canonicalId) || Files.isRegularFile(dir.keyFile(canonicalId));
  }

  /**
   * The private key filed under {@code canonicalId}, decrypted with a passphrase from the
   * retriever (asked again after a wrong one).
   *
   * @throws TrustException MISSING_KEY, WRONG_PASSPHRASE or NO_PASSPHRASE
   */
  public synchronized TufPrivateKey load(String canonicalId) {
    TufPrivateKey cached = unlocked.get(canonicalId);
    if (cached != null) {
      return cached;
    }
    Path file = dir.keyFile(canonicalId);
    byte[] pem;
    try {
      pem = readKeyFile(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new TrustException(Kind.MISSING_KEY, "the private key " + canonicalId + " is not in " + dir.privateDir());
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> headers = EncryptedKeyFiles.headers(pem);
    String role = headers.getOrDefault(EncryptedKeyFiles.ROLE_HEADER, "");
    String gun = headers.getOrDefault(EncryptedKeyFiles.GUN_HEADER, "");
    String keyName = gun.isEmpty() ? canonicalId : gun + "/" + canonicalId;
    TufPrivateKey key = decrypt(pem, keyName, role, canonicalId);
    if (!key.canonicalId().equals(canonicalId)) {
      throw new TrustException(Kind.VERIFICATION, file + " holds key " + key.canonicalId()
          + ", not the key its name says (" + canonicalId + ")");
    }
    unlocked.put(canonicalId, key);
    return key;
  }

  /**
   * Decrypts a key file's first block, asking for its passphrase again after a wrong one.
   *
   * @param what how errors name the key (its ID, or the file it came from)
   */
  private TufPrivateKey decrypt(byte[] pem, String keyName, String role, String what) {
    if (!EncryptedKeyFiles.isEncrypted(pem)) {
      return EncryptedKeyFiles.read(pem, null).key();
    }
    for (int attempt = 0; ; attempt++) {
      if (attempt >= MAX_UNLOCK_ATTEMPTS) {
        throw new TrustException(Kind.WRONG_PASSPHRASE, "too many wrong passphrases for the " + role + " key " + what);
      }
      Optional<char[]> passphrase = passphrases.passphrase(keyName, role, false, attempt);
      if (passphrase.isEmpty()) {
        throw new TrustException(Kind.WRONG_PASSPHRASE, "wrong passphrase for the " + role + " key " + what
            + " (gave up after " + attempt + " tries)");
      }
      try {
        return EncryptedKeyFiles.read(pem, passphrase.get()).key();
      } catch (WrongPassphraseException e) {
        // asked again with the next attempt
      } finally {
        Arrays.fill(passphrase.get(), '\0');
      }
    }
  }

  /**
   * Imports a private key file (encrypted PKCS#8, plain PKCS#8, or a legacy OpenSSL key) under
   * {@code role} with no GUN, as {@code docker trust key load} does: decrypted with its passphrase
   * (asked for as an {@code encrypted} key), then saved encrypted with a new passphrase for {@code role}.
   *
   * @throws MalformedKeyException when the file holds no private key
   */
  public TufPrivateKey importKey(byte[] pem, String role, String source) {
    TufPrivateKey key = decrypt(pem, "", "encrypted", source).bare();
    save(key, role, "");
    return key;
  }

  /** A new ECDSA P-256 key (what docker and notary generate), saved encrypted under {@code role}. */
  public TufPrivateKey generate(String role, String gun) {
    TufPrivateKey key = TufKeys.generate(KeyType.ECDSA, random);
    save(key, role, gun);
    return key;
  }

  /**
   * Encrypts and writes a key with a new passphrase. Root and delegation keys carry no {@code gun}
   * header (they may serve several repositories), as notary writes them.
   */
  public synchronized void save(TufPrivateKey key, String role, String gun) {
    TufPrivateKey bare = key.bare();
    boolean repositoryBound = role.equals(RoleNames.TARGETS) || role.equals(RoleNames.SNAPSHOT)
        || role.equals(RoleNames.TIMESTAMP);
    String fileGun = repositoryBound ? gun : "";
    String keyName = fileGun == null || fileGun.isEmpty() ? bare.canonicalId() : fileGun + "/" + bare.canonicalId();
    char[] passphrase = null;
    for (int attempt = 0; passphrase == null; attempt++) {
      if (attempt >= MAX_CREATE_ATTEMPTS) {
        throw new TrustException(Kind.NO_PASSPHRASE, "no usable passphrase for the new " + role + " key");
      }
      Optional<char[]> offered = passphrases.passphrase(keyName, role, true, attempt);
      if (offered.isEmpty()) {
        throw new TrustException(Kind.NO_PASSPHRASE, "no passphrase for the new " + role + " key");
      }
      if (offered.get().length > 0) {
        passphrase = offered.get();
      }
    }
    try {
      byte[] pem = EncryptedKeyFiles.write(bare, role, fileGun, passphrase, random);
      SecureFiles.writeAtomically(dir.keyFile(bare.canonicalId()), pem);
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot write key " + bare.canonicalId() + " to "
          + dir.privateDir() + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    unlocked.put(bare.canonicalId(), bare);
  }

  /** The listing entry of one key, if its file is in the trust dir. */
  public Optional<KeyInfo> info(String canonicalId) {
    return list().stream().filter(k -> k.canonicalId().equals(canonicalId)).findFirst();
  }

  /** A key file's bytes as stored (still encrypted): what {@code notary key export} prints. */
  public byte[] keyFileBytes(String canonicalId) {
    Path file = dir.keyFile(canonicalId);
    try {
      return readKeyFile(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new TrustException(Kind.MISSING_KEY, "the private key " + canonicalId + " is not in " + dir.privateDir());
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Files already-encrypted key PEM under {@code canonicalId} as is (an import of exported keys);
   * the key is checked against its name when it is first decrypted.
   */
  public synchronized void storeKeyFile(String canonicalId, byte[] pem) {
    if (!canonicalId.matches("[0-9a-f]{64}")) {
      throw new TrustException(Kind.INVALID, "a key file must be named by its key ID, not \"" + canonicalId + "\"");
    }
    if (pem.length > Pem.MAX_PEM_BYTES) {
      throw new TrustException(Kind.INVALID, "the key " + canonicalId + " is too large to be a key file");
    }
    unlocked.remove(canonicalId);
    try {
      SecureFiles.writeAtomically(dir.keyFile(canonicalId), pem);
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot write key " + canonicalId + " to " + dir.privateDir()
          + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a key file (rotated-out keys). */
  public synchronized void remove(String canonicalId) {
    unlocked.remove(canonicalId);
    try {
      Files.deleteIfExists(dir.keyFile(canonicalId));
    } catch (IOException e) {
      throw new TrustException(Kind.STORAGE, "cannot delete key " + canonicalId + ": " + e.getMessage(), e);
    }
  }

  private static byte[] readKeyFile(Path file) throws IOException {
    if (Files.size(file) > Pem.MAX_PEM_BYTES) {
      throw new IOException(file + " is too large to be a key file");
    }
    return Files.readAllBytes(file);
  }
}
