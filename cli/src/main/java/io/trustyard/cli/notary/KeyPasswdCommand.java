package io.trustyard.cli.notary;

import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.KeyFileStore.KeyInfo;
import io.trustyard.core.crypto.TufPrivateKey;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary key passwd <key ID>}: unlocks the key with its passphrase and writes it again
 * under a new one, asked for separately so the old one is never reused by accident.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true, description = "Changes the passphrase for the key with the given keyID.")
final class KeyPasswdCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand KeyCommand key;

  @Parameters(index = "0", paramLabel = "<keyID>") String keyId;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      if (keyId.length() != KeyRemoveCommand.KEY_ID_LENGTH) {
        throw new NotaryCliException("invalid key ID provided: " + keyId);
      }
      KeyFileStore current = key.notary.keyStore();
      KeyInfo info = current.info(keyId)
          .orElseThrow(() -> new NotaryCliException("could not retrieve local key for key ID provided: " + keyId));
      TufPrivateKey privateKey = current.load(keyId);
      new KeyFileStore(current.dir(), key.notary.passphrases(), new SecureRandom())
          .save(privateKey, info.role(), info.gun().orElse(null));
      PrintWriter out = spec.commandLine().getOut();
      out.print("\nSuccessfully updated passphrase for key ID: " + keyId + "\n");
      out.flush();
      return 0;
    });
  }
}
