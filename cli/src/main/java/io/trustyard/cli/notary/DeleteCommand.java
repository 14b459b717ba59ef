package io.trustyard.cli.notary;

import io.trustyard.client.trust.TrustDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notary delete <gun> [--remote]}: forgets the GUN's cached metadata and staged changes
 * (keys stay), and with {@code --remote} deletes its trust data on the server (admin scope).
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Deletes all content for a trusted collection.")
final class DeleteCommand extends GunCommand {

  @Option(names = "--remote", description = "Delete remote data for the GUN as well as local cache.")
  boolean remote;

  @Override
  void run() throws Exception {
    TrustDir.checkGun(gun);
    PrintWriter out = spec.commandLine().getOut();
    out.print("Deleting trust data for repository " + gun + "\n");
    out.flush();
    deleteTree(notary.trustDirectory().repositoryDir(gun));
    if (remote) {
      notary.remote(gun, io.trustyard.client.notary.NotaryClient.Access.ADMIN).deleteRemote();
    }
    out.print("Successfully deleted local" + (remote ? " and remote" : "") + " trust data for repository " + gun + "\n");
    out.flush();
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new NotaryCliException("error clearing TUF repo data: " + e.getMessage());
    }
  }
}
