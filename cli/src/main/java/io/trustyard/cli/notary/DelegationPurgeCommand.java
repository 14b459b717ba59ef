package io.trustyard.cli.notary;

import io.trustyard.client.notary.DelegationChanges;
import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.TrustDir;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code notary delegation purge <gun> --key <id>...}: stages the removal of keys from every delegation. */
@Command(name = "purge", mixinStandardHelpOptions = true,
    description = "Removes key IDs from all delegation roles in the given GUN.")
final class DelegationPurgeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand DelegationCommand delegation;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;

  @Option(names = "--key", split = ",", description = "Delegation key IDs to be removed from the GUN")
  List<String> keyIds = new ArrayList<>();

  @Option(names = {"-p", "--publish"}, description = "Auto publish the changes") boolean publish;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      if (keyIds.isEmpty()) {
        throw new NotaryCliException("Please provide at least one key ID to be removed using the --key flag");
      }
      TrustDir.checkGun(gun);
      new Changelist(delegation.notary.trustDirectory(), gun).add(DelegationChanges.purgeKeys(keyIds));
      return delegation.notary.staged(spec, "Removal of the following keys from all delegations in " + gun
          + " staged for next publish:\n\t- " + String.join("\n\t- ", keyIds) + "\n", publish, gun);
    });
  }
}
