package io.trustyard.cli.notary;

import io.trustyard.client.trust.PassphraseRetriever;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.crypto.PemBlock;
import io.trustyard.core.crypto.TufCryptoException;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.WrongPassphraseException;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A private key file given on the command line ({@code init --rootkey}, {@code key rotate -k}),
 * read as notary reads one: a root key must be encrypted, and an encrypted key is unlocked with the
 * root passphrase whatever its role (asked again when wrong).
 */
final class PrivateKeyInput {
  private static final int MAX_ATTEMPTS = 10;

  private PrivateKeyInput() {}

  /** The bare key (its certificate, for a root key, is made by the caller). */
  static TufPrivateKey read(String role, Path file, PassphraseRetriever passphrases) {
    byte[] pem;
    try {
      if (Files.size(file) > Pem.MAX_PEM_BYTES) {
        throw new NotaryCliException("Error reading input root key file: " + file + " is too large to be a key file");
      }
      pem = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new NotaryCliException("Error reading input root key file: open " + file + ": no such file or directory");
    }
    PemBlock block;
    try {
      block = Pem.decodeFirst(pem);
    } catch (TufCryptoException e) {
      throw new NotaryCliException("no valid private key found");
    }
    if (!EncryptedKeyFiles.isEncrypted(pem)) {
      if (role.equals(RoleNames.ROOT)) {
        throw new NotaryCliException("only encrypted root keys may be imported");
      }
      try {
        return EncryptedKeyFiles.read(block, null).key().bare();
      } catch (TufCryptoException e) {
        throw new NotaryCliException(e.getMessage());
      }
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<char[]> passphrase = passphrases.passphrase(file.getFileName().toString(), RoleNames.ROOT, false, attempt);
      if (passphrase.isEmpty()) {
        break;
      }
      try {
        return EncryptedKeyFiles.read(block, passphrase.get()).key().bare();
      } catch (WrongPassphraseException e) {
        // ask again
      } catch (TufCryptoException e) {
        throw new NotaryCliException(e.getMessage());
      } finally {
        Arrays.fill(passphrase.get(), '\0');
      }
    }
    throw new NotaryCliException("password invalid, operation has failed.");
  }
}
