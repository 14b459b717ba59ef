package io.trustyard.cli.notary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.client.trust.Changelist;
import io.trustyard.client.trust.Changelist.Change;
import io.trustyard.client.trust.TrustDir;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary add <gun> <target> <file>}: stages the file's length, sha256 and sha512 in the
 * changelist, in notary's own change format, for the next publish (ours or notary's).
 */
@Command(name = "add", mixinStandardHelpOptions = true,
    description = "Adds the file as a target to the trusted collection.")
final class AddCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Parameters(index = "0", paramLabel = "<GUN>") String gun;
  @Parameters(index = "1", paramLabel = "<target>") String target;
  @Parameters(index = "2", paramLabel = "<file>") String file;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      TrustDir.checkGun(gun);
      byte[] content;
      try {
        content = Files.readAllBytes(Path.of(file));
      } catch (IOException e) {
        throw new NotaryCliException("open " + file + ": no such file or directory");
      }
      new Changelist(notary.trustDirectory(), gun).add(new Change(Change.CREATE, RoleNames.TARGETS,
          Change.TYPE_TARGET, target, Optional.of(fileMetaJson(FileMeta.of(content)))));
      PrintWriter out = spec.commandLine().getOut();
      out.print("Addition of target \"" + target + "\" to repository \"" + gun + "\" staged for next publish.\n");
      out.flush();
      return 0;
    });
  }

  /** The change payload notary writes: {@code {"length":N,"hashes":{"<alg>":"<base64>"}}}. */
  static byte[] fileMetaJson(FileMeta meta) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode node = json.createObjectNode();
    node.put("length", meta.length());
    ObjectNode hashes = node.putObject("hashes");
    for (Map.Entry<String, byte[]> h : new java.util.TreeMap<>(meta.hashes()).entrySet()) {
      hashes.put(h.getKey(), Base64.getEncoder().encodeToString(h.getValue()));
    }
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
