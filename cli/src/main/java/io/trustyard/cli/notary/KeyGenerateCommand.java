package io.trustyard.cli.notary;

import io.trustyard.client.trust.PassphraseRetriever;
import io.trustyard.client.trust.PublicKeyFiles;
import io.trustyard.core.crypto.EncryptedKeyFiles;
import io.trustyard.core.crypto.KeyType;
import io.trustyard.core.crypto.TufKeys;
import io.trustyard.core.crypto.TufPrivateKey;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary key generate [ecdsa] [-r role] [-o prefix]}: a new ECDSA key in the trust dir, or,
 * with {@code -o}, written to {@code <prefix>.pem} (public, with a {@code role} header) and
 * {@code <prefix>-key.pem} (encrypted) and kept out of the trust dir.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generates a new key with a given algorithm (ecdsa); root unless --role says otherwise.")
final class KeyGenerateCommand implements Callable<Integer> {
  private static final int MAX_PASSPHRASE_ATTEMPTS = 10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand KeyCommand key;

  @Parameters(arity = "0..1", paramLabel = "<algorithm>") String algorithm;

  @Option(names = {"-r", "--role"}, defaultValue = "root", description = "Role to generate key with, defaulting to \"root\".")
  String role;

  @Option(names = {"-o", "--output"}, description = "Filepath to write export output to")
  String output;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      String alg = algorithm == null ? "ecdsa" : algorithm.toLowerCase(Locale.ROOT);
      if (!alg.equals("ecdsa")) {
        throw new NotaryCliException("Algorithm not allowed, possible values are: ECDSA");
      }
      if (output == null) {
        TufPrivateKey generated = key.notary.keyStore().generate(role, null);
        PrintWriter out = spec.commandLine().getOut();
        out.print("Generated new " + alg + " " + role + " key with keyID: " + generated.canonicalId() + "\n");
        out.flush();
        return 0;
      }
      SecureRandom random = new SecureRandom();
      TufPrivateKey generated = TufKeys.generate(KeyType.ECDSA, random);
      char[] passphrase = newPassphrase(key.notary.passphrases(), generated.canonicalId());
      try {
        UserFiles.writePrivate(output + "-key.pem", EncryptedKeyFiles.write(generated, role, null, passphrase, random));
      } finally {
        Arrays.fill(passphrase, '\0');
      }
      UserFiles.writePrivate(output + ".pem", PublicKeyFiles.write(generated.publicKey(), role));
      return 0;
    });
  }

  /** A key written outside the trust dir has no role to name a passphrase after: notary asks as for a delegation key. */
  private static char[] newPassphrase(PassphraseRetriever passphrases, String keyId) {
    for (int attempt = 0; attempt < MAX_PASSPHRASE_ATTEMPTS; attempt++) {
      Optional<char[]> offered = passphrases.passphrase(keyId, "", true, attempt);
      if (offered.isEmpty()) {
        break;
      }
      if (offered.get().length > 0) {
        return offered.get();
      }
    }
    throw new NotaryCliException("no password provided");
  }
}
