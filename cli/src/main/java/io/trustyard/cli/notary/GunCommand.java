package io.trustyard.cli.notary;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Base of the notary commands whose only argument is a GUN: the parent's settings, notary's message
 * when the GUN is missing, and its {@code * fatal:} handling of failures (exit code 1).
 */
abstract class GunCommand implements Callable<Integer>, NotaryUsageErrors.MissingArguments {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>", description = "Globally Unique Name of the trusted collection.")
  String gun;

  /** The command's work, once its arguments are parsed. */
  abstract void run() throws Exception;

  @Override
  public String missingArguments() {
    return "Must specify a GUN";
  }

  @Override
  public final Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      run();
      return 0;
    });
  }
}
