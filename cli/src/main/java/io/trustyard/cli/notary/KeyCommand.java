package io.trustyard.cli.notary;

import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.KeyFileStore.KeyInfo;
import io.trustyard.core.tuf.model.RoleNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code notary key ...}: the signing keys in the trust directory. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Operates on signing keys.",
    subcommands = {KeyCommand.ListKeys.class, KeyGenerateCommand.class, KeyRotateCommand.class, KeyImportCommand.class,
        KeyExportCommand.class, KeyRemoveCommand.class, KeyPasswdCommand.class})
final class KeyCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand NotaryCommand notary;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "Lists signing keys.")
  static final class ListKeys implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @ParentCommand KeyCommand key;

    @Override
    public Integer call() {
      return NotaryCommand.fatalOnError(spec, () -> {
        // Listing reads only the PEM headers: no passphrase is ever needed.
        KeyFileStore store = new KeyFileStore(key.notary.trustDirectory(), (name, alias, create, attempt) -> java.util.Optional.empty(),
            new java.security.SecureRandom());
        String location = key.notary.trustDirectory().privateDir().toString();
        PrintWriter out = spec.commandLine().getOut();
        out.print("\n" + render(store.list(), location) + "\n");
        out.flush();
        return 0;
      });
    }
  }

  private static final int MAX_GUN_WIDTH = 25;
  private static final int MAX_LOCATION_WIDTH = 40;

  /** Root keys first, then by GUN, role, key ID (notary's order), long GUNs and paths cut on the left. */
  static String render(List<KeyInfo> keys, String location) {
    if (keys.isEmpty()) {
      return "No signing keys found.\n";
    }
    List<KeyInfo> sorted = new ArrayList<>(keys);
    sorted.sort(Comparator.<KeyInfo, Boolean>comparing(k -> !k.role().equals(RoleNames.ROOT))
        .thenComparing(k -> k.gun().orElse(""))
        .thenComparing(KeyInfo::role)
        .thenComparing(KeyInfo::canonicalId));
    TabWriter tw = TabWriter.withHeader("ROLE", "GUN", "KEY ID", "LOCATION");
    for (KeyInfo k : sorted) {
      tw.row(k.role(), leftTruncate(k.gun().orElse(""), MAX_GUN_WIDTH), k.canonicalId(),
          leftTruncate(location, MAX_LOCATION_WIDTH));
    }
    return tw.render();
  }

  static String leftTruncate(String s, int max) {
    return s.length() <= max ? s : "..." + s.substring(s.length() - (max - 3));
  }
}
