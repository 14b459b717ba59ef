package io.trustyard.cli.notary;

import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.model.RoleNames;
import io.trustyard.core.tuf.verify.TrustedSet;
import io.trustyard.core.tuf.verify.TrustedTargets;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notary list <gun>}: the targets of a trusted collection, as notary tabulates them. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
    description = "Lists targets for a remote trusted collection.")
final class ListCommand extends GunCommand {

  @Option(names = {"-r", "--roles"}, split = ",",
      description = "Delegation roles to list targets for (will shadow targets role).")
  List<String> roles = new ArrayList<>();

  @Override
  void run() throws Exception {
    TrustedSet set = notary.pull(gun);
    PrintWriter out = spec.commandLine().getOut();
    out.print(render(targets(set, roles.isEmpty() ? List.of(RoleNames.TARGETS) : roles)));
    out.flush();
  }

  record Listed(String name, FileMeta meta, String role) {}

  /**
   * Targets by name, each from the first role that signs it in notary's priority order: the given
   * roles in turn, each walked pre-order through its delegations, skipping the other given roles,
   * and a role only counts for the paths its delegation allows.
   */
  static Map<String, Listed> targets(TrustedSet set, List<String> roots) {
    Map<String, Listed> found = new LinkedHashMap<>();
    for (String root : roots) {
      for (TrustedTargets role : set.allTargets()) {
        if (!within(role.role(), root) || skipped(role.role(), root, roots)) {
          continue;
        }
        role.metadata().signed().targets().forEach((name, meta) -> {
          if (!found.containsKey(name) && role.allows(name)) {
            found.put(name, new Listed(name, meta, role.role()));
          }
        });
      }
    }
    return found;
  }

  private static boolean within(String role, String root) {
    return role.equals(root) || role.startsWith(root + "/");
  }

  private static boolean skipped(String role, String root, List<String> roots) {
    for (String other : roots) {
      if (!other.equals(root) && within(role, other) && !within(other, role)) {
        return true;
      }
    }
    return false;
  }

  static String render(Map<String, Listed> targets) {
    if (targets.isEmpty()) {
      return "\nNo targets present in this repository.\n\n";
    }
    TabWriter tw = TabWriter.withHeader("NAME", "DIGEST", "SIZE (BYTES)", "ROLE");
    for (Listed t : new TreeMap<>(targets).values()) {
      byte[] sha256 = t.meta().hashes().get(FileMeta.SHA256);
      tw.row(t.name(), sha256 == null ? "" : HexFormat.of().formatHex(sha256), Long.toString(t.meta().length()), t.role());
    }
    return tw.render();
  }
}
