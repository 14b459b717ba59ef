package io.trustyard.cli.trust;

import io.trustyard.client.notary.DockerSigning;
import io.trustyard.client.notary.DockerSigning.SignerRemoval;
import io.trustyard.client.notary.NotaryRepository;
import io.trustyard.client.trust.TrustException;
import io.trustyard.core.oci.Reference;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trust signer remove [-f] NAME REPOSITORY...}: deletes {@code targets/NAME} and takes its
 * keys out of {@code targets/releases}. Asks first when the signer's signature is the one the
 * releases role stands on (unless {@code -f}).
 */
@Command(name = "remove", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1, description = "Remove a signer.")
final class TrustSignerRemoveCommand extends TrustSubcommand {

  @Parameters(index = "0", paramLabel = "NAME") String signer;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "REPOSITORY") List<String> repositories;

  @Option(names = {"-f", "--force"},
      description = "Do not prompt for confirmation before removing the most recent signer.")
  boolean force;

  @Override
  int run() throws IOException {
    eachRepository(repositories, r -> "Removing signer \"" + signer + "\" from " + r + "...",
        "error removing signer from: ", this::removeFrom);
    return 0;
  }

  private void removeFrom(String repository) throws IOException {
    if (signer.equals("releases")) {
      throw new IllegalArgumentException("releases is a reserved keyword and cannot be removed");
    }
    NotaryRepository repo = open(Reference.parse(repository));
    SignerRemoval plan;
    try {
      plan = DockerSigning.planSignerRemoval(repo.update(), signer).orElseThrow(() -> new IllegalArgumentException(
          "no signer " + signer + " for repository " + repository));
    } catch (TrustException e) {
      throw new IllegalArgumentException("error retrieving signers for " + repository + ": " + e.getMessage(), e);
    }
    if (plan.lastReleaseSigner() && !force && !confirm("The signer \"" + signer + "\" signed the last released version of "
        + repository + ". Removing this signer will make " + repository + " unpullable. Are you sure you want to continue?")) {
      return;
    }
    DockerSigning.removeSigner(repo, signer);
    out().println("Successfully removed " + signer + " from " + repository + "\n");
  }
}
