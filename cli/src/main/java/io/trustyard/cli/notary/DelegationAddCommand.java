package io.trustyard.cli.notary;

import io.trustyard.client.notary.DelegationChanges;
import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.PublicKeyFiles;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.RootCertificates;
import io.trustyard.core.crypto.TufCryptoException;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.tuf.model.RoleNames;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary delegation add <gun> <role> [<pem>...] [--paths p,...|--all-paths] [-p]}: stages
 * the keys (certificates or public keys) and paths of a delegation, creating it with threshold 1.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Adds keys (PEM certificates or public keys) and/or paths to a delegation.")
final class DelegationAddCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand DelegationCommand delegation;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<role>") String role;
  @Parameters(index = "2..*", paramLabel = "<pem>") List<String> keyFiles = new ArrayList<>();

  @Option(names = "--paths", split = ",", description = "List of paths to add") List<String> paths;
  @Option(names = "--all-paths", description = "Add all paths to this delegation") boolean allPaths;
  @Option(names = {"-p", "--publish"}, description = "Auto publish the changes") boolean publish;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      if (keyFiles.isEmpty() && paths == null && !allPaths) {
        throw new NotaryCliException("must specify the Global Unique Name and the role of the delegation along with"
            + " the public key certificate paths and/or a list of paths to add");
      }
      TrustDir.checkGun(gun);
      List<TufPublicKey> keys = new ArrayList<>();
      for (String file : keyFiles) {
        byte[] pem;
        try {
          pem = UserFiles.readKeyFile(file);
        } catch (NotaryCliException e) {
          throw new NotaryCliException("file for public key does not exist: " + file);
        }
        try {
          TufPublicKey key = PublicKeyFiles.read(pem);
          if (key.type().map(KeyType::isX509).orElse(false)) {
            // notary refuses expired, not-yet-valid and weak certificates as delegation keys
            for (X509Certificate cert : RootCertificates.parsePemChain(key.publicBytes())) {
              RootCertificates.checkCertificate(cert, Instant.now(), true);
            }
          }
          keys.add(key);
        } catch (TrustException | TufCryptoException e) {
          throw new NotaryCliException("unable to parse valid public key certificate from PEM file " + file + ": "
              + e.getMessage());
        }
      }
      List<String> addPaths = paths == null ? null : new ArrayList<>(paths);
      if (allPaths || (addPaths != null && addPaths.contains(""))) {
        allPaths = true;
        addPaths = List.of("");
      }
      if (!RoleNames.isDelegation(role)) {
        throw new NotaryCliException("failed to create delegation: " + role + " is not a valid delegation name");
      }
      Changelist changes = new Changelist(delegation.notary.trustDirectory(), gun);
      if (!keys.isEmpty()) {
        changes.add(DelegationChanges.addKeys(role, keys));
      }
      if (addPaths != null && !addPaths.isEmpty()) {
        changes.add(DelegationChanges.addPaths(role, addPaths));
      }
      StringBuilder items = new StringBuilder();
      if (!keys.isEmpty()) {
        items.append("with keys ").append(goList(keys.stream().map(TufPublicKey::canonicalId).toList())).append(", ");
      }
      if (addPaths != null) {
        items.append("with paths [").append(String.join("\n", DelegationCommand.prettyPaths(addPaths))).append("], ");
      }
      return delegation.notary.staged(spec, "\nAddition of delegation role " + role + " " + items
          + "to repository \"" + gun + "\" staged for next publish.\n\n", publish, gun);
    });
  }

  /** Go's {@code %s} of a string slice: {@code [a b c]}. */
  static String goList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }
}
