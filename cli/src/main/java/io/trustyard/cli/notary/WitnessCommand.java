package io.trustyard.cli.notary;

import io.trustyard.client.notary.DelegationChanges;
import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.TrustDir;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary witness <gun> <role>...}: stages a re-signing of roles unchanged (e.g. a
 * delegation whose signatures no longer count after a key change) for the next publish.
 */
@Command(name = "witness", mixinStandardHelpOptions = true,
    description = "Marks roles to be re-signed the next time they are published.")
final class WitnessCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1..*", arity = "1..*", paramLabel = "<role>") List<String> roles;

  @Option(names = {"-p", "--publish"}, description = "Auto publish the changes") boolean publish;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      TrustDir.checkGun(gun);
      Changelist changes = new Changelist(notary.trustDirectory(), gun);
      roles.forEach(role -> changes.add(DelegationChanges.witness(role)));
      return notary.staged(spec, "The following roles were successfully marked for witnessing on the next publish:"
          + "\n\t- " + String.join("\n\t- ", roles) + "\n", publish, gun);
    });
  }
}
