package io.trustyard.cli.sandbox;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trustyard sandbox certs --out DIR}: the sandbox's CA and service certificates in one
 * directory, under the names {@code deploy/*.json} expect in {@code certs/} (compose's init step).
 */
@Command(name = "certs", mixinStandardHelpOptions = true,
    description = "Make a local CA and the services' certificates in DIR (kept if already there), as deploy/*.json expect them.")
public final class SandboxCertsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for root-ca.crt and the rest.")
  Path out;

  @Override
  public Integer call() {
    SandboxPki pki = SandboxPki.flat(out.toAbsolutePath()).ensure(new SecureRandom(), Instant.now());
    spec.commandLine().getOut().println("CA and certificates in " + pki.dir() + "; clients trust " + pki.rootCa());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
