package io.trustyard.cli.notary;

import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.core.tuf.model.FileMeta;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary addhash <gun> <target> <size> --sha256 <hex> [--sha512 <hex>]}: stages a target
 * known only by its size and hashes (content that is not at hand, e.g. an image manifest).
 */
@Command(name = "addhash", mixinStandardHelpOptions = true,
    description = "Adds the byte size and hash(es) as a target to the trusted collection.")
final class AddHashCommand implements Callable<Integer>, NotaryUsageErrors.MissingArguments {
  private static final String MISSING = "Must specify a GUN, target, byte size of target data, and at least one hash";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<target>") String target;
  @Parameters(index = "2", paramLabel = "<byte size>") String size;

  @Option(names = {"-r", "--roles"}, split = ",", description = "Delegation roles to add this target to.")
  List<String> roles = new ArrayList<>();

  @Option(names = "--sha256", description = "hex encoded sha256 of the target to add")
  String sha256;

  @Option(names = "--sha512", description = "hex encoded sha512 of the target to add")
  String sha512;

  @Option(names = "--custom", description = "Path to the file containing custom data for this target.")
  String custom;

  @Option(names = {"-p", "--publish"}, description = "Automatically attempt to publish after staging the change."
      + " Will also publish existing staged changes.")
  boolean publish;

  @Override
  public String missingArguments() {
    return MISSING;
  }

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      if (empty(sha256) && empty(sha512)) {
        throw NotaryCommand.usageError(spec, MISSING);
      }
      Optional<String> customJson = StagedTargets.custom(custom);
      long length = GoIntegers.parseInt64(size);
      TrustDir.checkGun(gun);
      Map<String, byte[]> hashes = new LinkedHashMap<>();
      hash(hashes, FileMeta.SHA256, sha256, 64);
      hash(hashes, FileMeta.SHA512, sha512, 128);
      StagedTargets.stage(notary.trustDirectory(), gun, roles, Change.CREATE, target,
          Optional.of(StagedTargets.payload(new StagedTargets.Meta(length, hashes, customJson))));
      return notary.staged(spec, "Addition of target \"" + target + "\" by " + String.join(", ", hashes.keySet())
          + " hash to repository \"" + gun + "\" staged for next publish.\n", publish, gun);
    });
  }

  private static void hash(Map<String, byte[]> hashes, String alg, String hex, int hexLength) {
    if (empty(hex)) {
      return;
    }
    if (hex.length() != hexLength) {
      throw new NotaryCliException("invalid " + alg + " hex contents provided");
    }
    try {
      hashes.put(alg, HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new NotaryCliException("encoding/hex: invalid byte in " + alg + " " + hex);
    }
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }
}
