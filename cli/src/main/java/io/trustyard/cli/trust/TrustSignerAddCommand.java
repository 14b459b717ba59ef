package io.trustyard.cli.trust;

import io.trustyard.client.notary.DockerSigning;
import io.trustyard.client.trust.PublicKeyFiles;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trust signer add --key PUB... NAME REPOSITORY...}: the signer's keys go into
 * {@code targets/NAME} and {@code targets/releases} of each repository, which is created first
 * when it has no trust data. A failing repository does not stop the others.
 */
@Command(name = "add", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1, description = "Add a signer.")
final class TrustSignerAddCommand extends TrustSubcommand {

  @Option(names = "--key", paramLabel = "list", description = "Path to the signer's public key file.")
  List<String> keys = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "NAME") String signer;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "REPOSITORY") List<String> repositories;

  @Override
  int run() throws IOException {
    if (!NAME.matcher(signer).matches()) {
      throw new IllegalArgumentException(invalidName("signer", signer));
    }
    if (signer.equals("releases")) {
      throw new IllegalArgumentException("releases is a reserved keyword, use a different signer name");
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("path to a public key must be provided using the `--key` flag");
    }
    List<TufPublicKey> publicKeys = new ArrayList<>();
    for (String path : keys) {
      publicKeys.add(readKey(path));
    }
    eachRepository(repositories, r -> "Adding signer \"" + signer + "\" to " + r + "...", "failed to add signer to: ",
        repository -> {
          DockerSigning.addSigner(open(Reference.parse(repository)), signer, publicKeys, () -> {
            out().println("Initializing signed repository for " + repository + "...");
            out().println("Successfully initialized \"" + repository + "\"");
          });
          out().println("Successfully added signer: " + signer + " to " + repository + "\n");
        });
    return 0;
  }

  private static TufPublicKey readKey(String path) {
    byte[] pem;
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      pem = in.readNBytes(Pem.MAX_PEM_BYTES);
    } catch (IOException e) {
      throw new IllegalArgumentException("unable to read public key from file: open " + path
          + ": no such file or directory", e);
    }
    try {
      return PublicKeyFiles.read(pem);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("could not parse public key from file: " + path + ": " + e.getMessage(), e);
    }
  }
}
