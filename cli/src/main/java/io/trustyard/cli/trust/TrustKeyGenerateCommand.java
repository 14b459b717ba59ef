package io.trustyard.cli.trust;

import io.trustyard.client.trust.PublicKeyFiles;
import io.trustyard.client.trust.SecureFiles;
import io.trustyard.core.crypto.TufPrivateKey;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trust key generate NAME [--dir DIR]}: a new ECDSA signing key, encrypted in the trust dir
 * under role NAME, and its public half written to {@code DIR/NAME.pub} (mode 0600).
 */
@Command(name = "generate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Generate and load a signing key-pair.")
final class TrustKeyGenerateCommand extends TrustSubcommand {

  @Parameters(index = "0", paramLabel = "NAME") String name;

  @Option(names = "--dir", paramLabel = "string",
      description = "Directory to generate key in, defaults to current directory.")
  String dir;

  @Override
  int run() throws Exception {
    Path target = dir == null || dir.isEmpty() ? Path.of("").toAbsolutePath() : Path.of(dir);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(invalidName("key", name));
    }
    if (!Files.exists(target)) {
      throw new IllegalArgumentException("public key path does not exist: \"" + dir + "\"");
    }
    // Printed as docker prints it (filepath.Join cleans the path); written through its absolute form.
    Path pub = target.resolve(name + ".pub").normalize();
    if (Files.exists(pub)) {
      throw new IllegalArgumentException("public key file already exists: \"" + pub + "\"");
    }
    out().println("Generating key for " + name + "...");
    out().flush();
    TufPrivateKey key = setup().keys().generate(name, "");
    SecureFiles.writeAtomically(pub.toAbsolutePath(), PublicKeyFiles.write(key.publicKey(), name));
    out().println("Successfully generated and loaded private key. Corresponding public key available: " + pub);
    return 0;
  }
}
