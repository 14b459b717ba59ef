package io.trustyard.cli.notary;

import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.verify.TargetMatch;
import java.io.PrintWriter;
import java.util.HexFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code notary lookup <gun> <target>}: one target's name, digest and size. */
@Command(name = "lookup", mixinStandardHelpOptions = true,
    description = "Looks up a specific target in a remote trusted collection.")
final class LookupCommand implements java.util.concurrent.Callable<Integer>, NotaryUsageErrors.MissingArguments {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<target name>") String target;

  @Override
  public String missingArguments() {
    return "Must specify a GUN and target";
  }

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      TargetMatch match = notary.pull(gun).findTarget(target)
          .orElseThrow(() -> new NotaryCliException("No valid trust data for " + target));
      byte[] sha256 = match.meta().hashes().get(FileMeta.SHA256);
      PrintWriter out = spec.commandLine().getOut();
      out.println(match.name() + " sha256:" + (sha256 == null ? "" : HexFormat.of().formatHex(sha256)) + " "
          + match.meta().length());
      out.flush();
      return 0;
    });
  }
}
