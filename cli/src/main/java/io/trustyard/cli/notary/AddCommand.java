package io.trustyard.cli.notary;

import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustDir;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary add <gun> <target> <file>}: stages the file's length, sha256 and sha512 in the
 * changelist, in notary's own change format, for the next publish (ours or notary's).
 */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Adds the file as a target to the trusted collection.")
final class AddCommand implements Callable<Integer>, NotaryUsageErrors.MissingArguments {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<target>") String target;
  @Parameters(index = "2", paramLabel = "<file>") String file;

  @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to add this target to.")
  List<String> roles = new ArrayList<>();

  @Option(names = "--custom", description = "Path to the file containing custom data for this target.")
  String custom;

  @Option(names = {"-p", "--publish"}, description = "Automatically attempt to publish after staging the change."
      + " Will also publish existing staged changes.")
  boolean publish;

  @Override
  public String missingArguments() {
    return "Must specify a GUN, target, and path to target data";
  }

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      TrustDir.checkGun(gun);
      StagedTargets.Meta meta = StagedTargets.ofFile(file, StagedTargets.custom(custom));
      StagedTargets.stage(notary.trustDirectory(), gun, roles, Change.CREATE, target,
          Optional.of(StagedTargets.payload(meta)));
      return notary.staged(spec, "Addition of target \"" + target + "\" to repository \"" + gun
          + "\" staged for next publish.\n", publish, gun);
    });
  }
}
