package io.trustyard.cli.notary;

import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.KeyFileStore.KeyInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code notary key remove <key ID>}: deletes a private key from the trust dir after a {@code (yes/no)} question. */
@Command(name = "remove", aliases = "rm", mixinStandardHelpOptions = true, description = "Removes the key with the given keyID.")
final class KeyRemoveCommand implements Callable<Integer> {
  static final int KEY_ID_LENGTH = 64;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand KeyCommand key;

  @Parameters(index = "0", paramLabel = "<keyID>") String keyId;

  @Option(names = {"-y", "--yes"}, description = "Answer yes to the removal question (no confirmation).")
  boolean yes;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      if (keyId.length() != KEY_ID_LENGTH) {
        throw new NotaryCliException("invalid key ID provided: " + keyId);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print("\n");
      KeyFileStore store = key.notary.keyStore();
      KeyInfo info = store.info(keyId).orElse(null);
      if (info == null) {
        out.print("\n");
        out.flush();
        throw new NotaryCliException("No key with ID " + keyId + " found");
      }
      String description = keyId + " (role " + info.role() + ") from " + store.dir().privateDir();
      if (!yes && !Confirmation.ask(out, "Are you sure you want to remove " + description + "?  (yes/no)  ",
          key.notary.input())) {
        out.print("\nAborting action.\n\n");
        out.flush();
        return 0;
      }
      store.remove(keyId);
      out.print("\nDeleted " + description + ".\n\n");
      out.flush();
      return 0;
    });
  }
}
