package io.trustyard.cli.image;

import io.trustyard.client.VerificationException;
import io.trustyard.client.registry.RegistryException;
import io.trustyard.client.store.StoreException;
import io.trustyard.client.trust.TrustException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the client commands: turns every failure into one line on stderr and a non-zero exit
 * code (1: the operation failed; 3: content failed verification).
 */
abstract class ClientCommand implements Callable<Integer> {

  static final int FAILED = 1;
  static final int VERIFICATION_FAILED = 3;

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  /** The environment; tests replace it. */
  static Map<String, String> environment = System.getenv();

  /** The clock trust data's expiry is judged by; tests replace it. */
  static Clock clock = Clock.systemUTC();

  abstract int run() throws Exception;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (VerificationException e) {
      return fail(e.getMessage(), VERIFICATION_FAILED);
    } catch (RegistryException | StoreException | IllegalArgumentException
        | IllegalStateException | TrustUnavailableException | TrustException e) {
      return fail(e.getMessage(), FAILED);
    } catch (java.io.IOException e) {
      return fail(e.getMessage() == null ? e.toString() : e.getMessage(), FAILED);
    } catch (Exception e) {
      return fail(e.toString(), FAILED);
    }
  }

  private int fail(String message, int code) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("trustyard: " + message.replace('\n', ' '));
    err.flush();
    return code;
  }

  ClientContext context() {
    return new ClientContext(options, environment);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
