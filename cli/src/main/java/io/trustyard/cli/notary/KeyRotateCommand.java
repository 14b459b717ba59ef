package io.trustyard.cli.notary;

import io.trustyard.client.trust.TrustDir;
import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary key rotate <gun> <role>}: a new key for a base role (made here, given with
 * {@code -k}, or made by the server with {@code -r}), published at once. A new root is signed by
 * the old root key and the new one, so every client holding the old root follows the rotation.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
    description = "Rotates the key of the given role (root, targets, snapshot, or timestamp with -r) and publishes it.")
final class KeyRotateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand KeyCommand key;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<role>") String role;

  @Option(names = {"-r", "--server-managed"}, description = "The server makes and holds the new key (timestamp; optional for snapshot).")
  boolean serverManaged;

  @Option(names = {"-k", "--key"}, split = ",", description = "New key file(s) to rotate to. If not given, one is generated.")
  List<String> keyFiles = new ArrayList<>();

  @Option(names = {"-l", "--legacy"}, description = "Not supported: signing with the keys of older root versions.")
  int legacyVersions;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      TrustDir.checkGun(gun);
      if (legacyVersions != 0) {
        throw new NotaryCliException("--legacy is not supported: a new root is signed by the current root keys and the new ones");
      }
      List<TufPrivateKey> newKeys = new ArrayList<>();
      for (String file : keyFiles) {
        newKeys.add(PrivateKeyInput.read(role, java.nio.file.Path.of(file), key.notary.passphrases()));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (role.equals(RoleNames.ROOT) && !Confirmation.ask(out, "Warning: you are about to rotate your root key.\n\n"
          + "You must use your old key to sign this root rotation.\n"
          + "Are you sure you want to proceed?  (yes/no)  ", key.notary.input())) {
        out.print("\nAborting action.\n");
        out.flush();
        return 0;
      }
      key.notary.repository(gun).rotateKey(role, serverManaged, newKeys);
      out.print("Successfully rotated " + role + " key for repository " + gun + "\n");
      out.flush();
      return 0;
    });
  }

}
