package io.trustyard.cli.notary;

import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.verify.TargetMatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary verify <gun> <target>}: reads the content (standard input or {@code -i}), checks
 * it against the target's hashes in the verified metadata and, only if they match, writes it to
 * standard output (or {@code -o}, or nowhere with {@code -q}); otherwise nothing but the error.
 * At most the target's signed length plus one byte is read: more cannot match.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Verifies if the content is included in the remote trusted collection.")
final class VerifyCommand implements Callable<Integer>, NotaryUsageErrors.MissingArguments {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<target>") String target;

  @Option(names = {"-i", "--input"}, description = "Read from a file, instead of STDIN.")
  String input;

  @Option(names = {"-o", "--output"}, description = "Write to a file, instead of STDOUT.")
  String output;

  @Option(names = {"-q", "--quiet"}, description = "No output except for errors.")
  boolean quiet;

  @Override
  public String missingArguments() {
    return "Must specify a GUN and target";
  }

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      try (InputStream in = open()) {
        TargetMatch match = notary.pull(gun).findTarget(target).orElseThrow(() -> new NotaryCliException(
            "error retrieving target by name:" + target + ", error:No valid trust data for " + target));
        long limit = match.meta().length() + 1;
        if (limit > Integer.MAX_VALUE - 8 || limit <= 0) {
          throw new NotaryCliException("target " + target + " is too large to verify in memory ("
              + match.meta().length() + " bytes)");
        }
        byte[] payload = in.readNBytes((int) limit);
        checkHashes(payload, match.meta().hashes());
        write(payload);
      }
      return 0;
    });
  }

  private InputStream open() throws IOException {
    if (input == null || input.isEmpty()) {
      return notary.input();
    }
    try {
      return Files.newInputStream(Path.of(input));
    } catch (NoSuchFileException e) {
      throw new NotaryCliException("open " + input + ": no such file or directory");
    }
  }

  /** Each known algorithm must match (notary's {@code CheckHashes}), and at least one must be there. */
  private void checkHashes(byte[] payload, Map<String, byte[]> hashes) throws NoSuchAlgorithmException {
    int checked = 0;
    for (String alg : new String[] {FileMeta.SHA256, FileMeta.SHA512}) {
      byte[] expected = hashes.get(alg);
      if (expected == null) {
        continue;
      }
      byte[] actual = MessageDigest.getInstance(alg.equals(FileMeta.SHA256) ? "SHA-256" : "SHA-512").digest(payload);
      if (!MessageDigest.isEqual(actual, expected)) {
        throw new NotaryCliException("data not present in the trusted collection, " + alg + " checksum for "
            + target + " did not match: expected " + HexFormat.of().formatHex(expected));
      }
      checked++;
    }
    if (checked == 0) {
      throw new NotaryCliException("data not present in the trusted collection, no checksums for supported"
          + " algorithms were provided for " + target);
    }
  }

  private void write(byte[] payload) throws IOException {
    if (quiet) {
      return;
    }
    if (output != null && !output.isEmpty()) {
      // Created owner-only, as notary writes it: the content may be private.
      try (var channel = Files.newByteChannel(Path.of(output), java.util.Set.of(StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
        channel.write(java.nio.ByteBuffer.wrap(payload));
      }
      return;
    }
    spec.commandLine().getOut().flush();
    OutputStream out = notary.stdout();
    out.write(payload);
    out.flush();
  }
}
