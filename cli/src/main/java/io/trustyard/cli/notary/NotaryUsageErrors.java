package io.trustyard.cli.notary;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Command-line mistakes under {@code notary} reported as the notary CLI reports them: its message
 * after {@code * fatal: } on standard output and exit status 1 (picocli would say 2), so scripts
 * that test for notary's status keep working. Mistakes elsewhere go to the handler given.
 */
final class NotaryUsageErrors implements IParameterExceptionHandler {

  /** A notary command's message for missing arguments, e.g. {@code Must specify a GUN and target}. */
  interface MissingArguments {
    String missingArguments();
  }

  private final IParameterExceptionHandler others;

  NotaryUsageErrors(IParameterExceptionHandler others) {
    this.others = others;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) throws Exception {
    CommandLine cmd = ex.getCommandLine();
    if (!underNotary(cmd)) {
      return others.handleParseException(ex, args);
    }
    PrintWriter out = cmd.getOut();
    String message;
    if (ex instanceof MissingParameterException && cmd.getCommand() instanceof MissingArguments m) {
      cmd.usage(out);
      message = m.missingArguments();
    } else if (ex instanceof UnmatchedArgumentException u) {
      message = unmatched(cmd, u.getUnmatched());
    } else {
      message = ex.getMessage();
    }
    out.print("\n* fatal: " + message + "\n");
    out.flush();
    return 1;
  }

  private static String unmatched(CommandLine cmd, List<String> unmatched) {
    String first = unmatched.isEmpty() ? "" : unmatched.get(0);
    if (first.startsWith("--")) {
      return "unknown flag: " + first.split("=", 2)[0];
    }
    if (first.startsWith("-") && first.length() > 1) {
      return "unknown shorthand flag: '" + first.charAt(1) + "' in " + first;
    }
    if (!cmd.getSubcommands().isEmpty()) {
      return "unknown command \"" + first + "\" for \"" + commandPath(cmd) + "\"";
    }
    return "unexpected arguments " + unmatched + " for \"" + commandPath(cmd) + "\"";
  }

  /** The command as notary names it: {@code notary key}, not {@code trustyard notary key}. */
  private static String commandPath(CommandLine cmd) {
    StringBuilder path = new StringBuilder();
    for (CommandLine c = cmd; c != null && !(c.getCommand() instanceof NotaryCommand); c = c.getParent()) {
      path.insert(0, " " + c.getCommandName());
    }
    return "notary" + path;
  }

  private static boolean underNotary(CommandLine cmd) {
    for (CommandLine c = cmd; c != null; c = c.getParent()) {
      if (c.getCommand() instanceof NotaryCommand) {
        return true;
      }
    }
    return false;
  }
}
