package io.trustyard.cli.trust;

import io.trustyard.client.notary.DockerSigning;
import io.trustyard.client.notary.NotaryRepository;
import io.trustyard.client.trust.TrustException;
import io.trustyard.core.oci.Reference;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trust revoke [-y] IMAGE[:TAG]}: removes the tag's signature (every released tag's when no
 * tag is given, after a confirmation) from each role we can sign, and publishes.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Remove trust for an image.")
final class TrustRevokeCommand extends TrustSubcommand {

  @Parameters(index = "0", paramLabel = "IMAGE[:TAG]") String remote;

  @Option(names = {"-y", "--yes"}, description = "Do not prompt for confirmation.")
  boolean yes;

  @Override
  int run() throws IOException {
    Reference ref = Reference.parse(remote);
    if (ref.tag() == null && ref.digest() != null) {
      throw new IllegalArgumentException("cannot use a digest reference for IMAGE:TAG");
    }
    String tag = ref.tag() == null ? "" : ref.tag();
    if (tag.isEmpty() && !yes && !confirm("Confirm you would like to delete all signature data for " + remote + "?")) {
      return 0; // docker treats a declined confirmation as a cancellation: no message, exit code 0
    }
    NotaryRepository repo = open(ref);
    try {
      DockerSigning.revoke(repo, repo.update(), tag);
    } catch (TrustException e) {
      throw new TrustException(e.kind(), "could not remove signature for " + remote + ": " + e.getMessage(), e);
    }
    out().println("Successfully deleted signature for " + remote);
    return 0;
  }
}
