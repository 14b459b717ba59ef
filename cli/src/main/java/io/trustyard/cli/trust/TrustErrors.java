package io.trustyard.cli.trust;

import io.trustyard.client.VerificationException;
import io.trustyard.client.trust.TrustException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Content-trust and verification failures end a command the way docker ends it: the message on
 * stderr after {@code Error: }, no stack trace, exit code 1. Anything else goes to the next handler.
 */
public final class TrustErrors implements IExecutionExceptionHandler {
  public static final int EXIT_CODE = 1;
  private final IExecutionExceptionHandler next;

  public TrustErrors(IExecutionExceptionHandler next) {
    this.next = next;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) throws Exception {
    if (e instanceof TrustException || e instanceof VerificationException) {
      cmd.getErr().println("Error: " + e.getMessage());
      cmd.getErr().flush();
      return EXIT_CODE;
    }
    if (next == null) {
      throw e;
    }
    return next.handleExecutionException(e, cmd, parsed);
  }
}
