package io.trustyard.cli.notary;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.cli.notary.NotaryClis.Result;
import io.trustyard.cli.sandbox.Walkthrough;
import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.TrustDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Offline root key" workflow, read from README.md: every {@code $ trustyard notary}
 * command of the section runs in order against a trust server, and the output shown must appear.
 * Then the Go notary CLI, trusting the first root, reads the repository after the root rotation
 * and the trust dir holds no root key.
 */
class OfflineRootKeyReadmeTest {
  private static final String SECTION = "## Offline root key";
  private static final Pattern GENERATED = Pattern.compile("Generated new ecdsa root key with keyID: ([0-9a-f]{64})");
  private static final String GUN = "example.com/app";

  record Step(String command, List<String> expected) {}

  /** The section's console blocks as commands with the output lines under each. */
  static List<Step> steps(Path readme) throws Exception {
    List<String> lines = Files.readAllLines(readme);
    int start = lines.indexOf(SECTION);
    assertThat(start).as("README section " + SECTION).isNotNegative();
    List<Step> steps = new ArrayList<>();
    boolean inBlock = false;
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock && line.startsWith("$ ")) {
        steps.add(new Step(line.substring(2), new ArrayList<>()));
      } else if (inBlock && !line.isBlank()) {
        // What the user types after a (yes/no) question is not output.
        steps.get(steps.size() - 1).expected().add(line.replaceFirst("\\(yes/no\\)\\s+yes$", "(yes/no)"));
      }
    }
    return steps;
  }

  @Test
  void theReadmeWorkflowKeepsTheRootKeyOffTheMachine(@TempDir Path dir) throws Exception {
    List<Step> steps = steps(Path.of("..", "README.md"));
    assertThat(steps).hasSizeGreaterThan(10);
    Path trustDir = dir.resolve("trust");
    Path offline = Files.createDirectories(dir.resolve("offline"));
    Path file = dir.resolve("app-v1.txt");
    Files.writeString(file, "app v1\n");
    Map<String, String> values = new LinkedHashMap<>();
    try (InProcessTrustServer server = InProcessTrustServer.start(dir.resolve("server"))) {
      NotaryClis clis = new NotaryClis(dir, server);
      clis.go(dir.resolve("go-reader"), "list", GUN).failed(); // nothing yet
      for (Step step : steps) {
        assertThat(step.command()).startsWith("trustyard notary ");
        String command = step.command().substring("trustyard notary ".length())
            .replace("/media/offline", offline.toString()).replace("app-v1.txt", file.toString());
        if (command.contains("<new root key ID>")) {
          values.put("<new root key ID>", otherRootKey(trustDir, values.get("<root key ID>")));
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
          command = command.replace(v.getKey(), v.getValue());
        }
        assertThat(command).as(step.command()).doesNotContain("<");
        List<String> args = new ArrayList<>(clis.globals(trustDir));
        args.addAll(List.of(command.split(" ")));
        Result result = clis.ours(Map.of(), "yes\n", null, args);
        assertThat(result.exit()).as(step.command() + "\n" + result.output()).isZero();
        List<String> actual = result.output().replace("(yes/no)  ", "(yes/no)\n").lines().toList();
        assertThat(Walkthrough.firstMissing(step.expected(), actual)).as(step.command() + " printed\n" + result.output())
            .isNull();
        Matcher generated = GENERATED.matcher(result.output());
        if (generated.find()) {
          values.put("<root key ID>", generated.group(1));
        }
        if (command.startsWith("publish") && values.containsKey("<root key ID>")) {
          // A reader that trusts the first root, to follow the rotation later.
          clis.go(dir.resolve("go-reader"), "list", GUN).ok();
        }
      }
      assertThat(values).containsKeys("<root key ID>", "<new root key ID>");
      assertThat(keys(trustDir).rootKeys()).isEmpty();
      assertThat(keys(trustDir).list()).extracting(KeyFileStore.KeyInfo::role).containsExactlyInAnyOrder("targets", "snapshot");
      assertThat(offline.resolve("root-key.pem")).exists();
      assertThat(offline.resolve("new-root-key.pem")).exists();
      Result read = clis.go(dir.resolve("go-reader"), "list", GUN).ok();
      assertThat(read.output()).contains("v1").contains("v2");
      String root = Files.readString(dir.resolve("go-reader/tuf/" + GUN + "/metadata/root.json"));
      assertThat(root).contains("\"version\":2");
    }
  }

  private static KeyFileStore keys(Path trustDir) {
    return new KeyFileStore(new TrustDir(trustDir), (name, alias, create, attempt) -> Optional.empty(), new SecureRandom());
  }

  private static String otherRootKey(Path trustDir, String old) {
    return keys(trustDir).rootKeys().stream().map(KeyFileStore.KeyInfo::canonicalId).filter(id -> !id.equals(old))
        .findFirst().orElseThrow();
  }
}
