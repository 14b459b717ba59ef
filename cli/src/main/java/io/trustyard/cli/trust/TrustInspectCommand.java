package io.trustyard.cli.trust;

import io.trustyard.client.notary.DockerTrustInfo;
import io.trustyard.client.notary.DockerTrustInfo.SignedTag;
import io.trustyard.client.trust.TrustException;
import io.trustyard.client.trust.TrustException.Kind;
import io.trustyard.core.json.GoJson;
import io.trustyard.core.oci.Reference;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trust inspect [--pretty] IMAGE[:TAG]...}: docker's JSON array, or its three tables. */
@Command(name = "inspect", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1,
    description = "Return low-level information about keys and signatures.")
final class TrustInspectCommand extends TrustSubcommand {

  @Parameters(arity = "1..*", paramLabel = "IMAGE[:TAG]") List<String> remotes;

  @Option(names = "--pretty", description = "Print the information in a human friendly format.")
  boolean pretty;

  @Override
  int run() {
    if (pretty) {
      for (int i = 0; i < remotes.size(); i++) {
        out().print(pretty(remotes.get(i), lookup(remotes.get(i))));
        if (i < remotes.size() - 1) {
          out().print("\n\n");
        }
      }
      return 0;
    }
    // As docker: every image that can be read is printed; the others are errors, one per line.
    List<String> elements = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String remote : remotes) {
      try {
        elements.add(json(remote, lookup(remote)));
      } catch (TrustException | IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    out().println(GoJson.indent(array(elements)));
    if (!errors.isEmpty()) {
      out().flush();
      err().println(String.join("\n", errors));
      return FAILED;
    }
    return 0;
  }

  private DockerTrustInfo lookup(String remote) {
    Reference ref = Reference.parse(remote);
    TrustedSet set;
    try {
      set = open(ref).update();
    } catch (TrustException e) {
      throw new TrustException(e.kind(), "no signatures or cannot access " + remote
          + (e.kind() == Kind.REPOSITORY_NOT_FOUND ? "" : ": " + e.getMessage()), e);
    }
    return DockerTrustInfo.of(set, ref.tag() == null ? "" : ref.tag());
  }

  static String json(String remote, DockerTrustInfo info) {
    List<String> tags = new ArrayList<>();
    for (SignedTag row : info.signedTags()) {
      List<String> signers = row.signers().isEmpty() ? List.of(DockerTrustInfo.REPO_ADMIN) : row.signers();
      tags.add("{\"SignedTag\":" + GoJson.quote(row.tag()) + ",\"Digest\":" + GoJson.quote(row.digest())
          + ",\"Signers\":" + array(signers.stream().map(GoJson::quote).toList()) + "}");
    }
    List<String> signers = new ArrayList<>();
    info.signers().entrySet().stream().sorted(Map.Entry.<String, List<String>>comparingByKey().reversed())
        .forEach(e -> signers.add(signer(e.getKey(), e.getValue())));
    List<String> admin = List.of(signer("Root", info.rootKeys()), signer("Repository", info.repositoryKeys()));
    return "{\"Name\":" + GoJson.quote(remote) + ",\"SignedTags\":" + array(tags) + ",\"Signers\":"
        + array(signers) + ",\"AdministrativeKeys\":" + array(admin) + "}";
  }

  /** {@code [a,b,...]} of already encoded values. */
  private static String array(List<String> encoded) {
    return "[" + String.join(",", encoded) + "]";
  }

  /** docker's trustSigner: Name and Keys are both omitted when empty. */
  private static String signer(String name, List<String> keyIds) {
    List<String> fields = new ArrayList<>();
    if (!name.isEmpty()) {
      fields.add("\"Name\":" + GoJson.quote(name));
    }
    if (!keyIds.isEmpty()) {
      fields.add("\"Keys\":" + array(keyIds.stream().map(id -> id.isEmpty() ? "{}"
          : "{\"ID\":" + GoJson.quote(id) + "}").toList()));
    }
    return "{" + String.join(",", fields) + "}";
  }

  static String pretty(String remote, DockerTrustInfo info) {
    StringBuilder out = new StringBuilder();
    if (info.signedTags().isEmpty()) {
      out.append("\nNo signatures for ").append(remote).append("\n\n");
    } else {
      out.append("\nSignatures for ").append(remote).append("\n\n");
      DockerTable table = new DockerTable("SIGNED TAG", "DIGEST", "SIGNERS");
      for (SignedTag row : info.signedTags()) {
        List<String> signers = new ArrayList<>(row.signers().isEmpty()
            ? List.of("(" + DockerTrustInfo.REPO_ADMIN + ")") : row.signers());
        signers.sort(Comparator.naturalOrder());
        table.add(row.tag(), row.digest(), String.join(", ", signers));
      }
      out.append(table.render());
    }
    if (!info.signers().isEmpty()) {
      out.append("\nList of signers and their keys for ").append(remote).append("\n\n");
      DockerTable table = new DockerTable("SIGNER", "KEYS");
      info.signers().entrySet().stream().sorted(Map.Entry.comparingByKey(NATURAL)).forEach(e -> table.add(e.getKey(),
          String.join(", ", e.getValue().stream().sorted().map(TrustInspectCommand::truncate).toList())));
      out.append(table.render());
    }
    out.append("\nAdministrative keys for ").append(remote).append("\n\n");
    out.append("  Repository Key:\t").append(String.join(", ", info.repositoryKeys().stream().sorted().toList()))
        .append('\n');
    out.append("  Root Key:\t").append(String.join(", ", info.rootKeys().stream().sorted().toList())).append('\n');
    return out.toString();
  }

  private static final Comparator<String> NATURAL = DockerTrustInfo.naturalOrder();

  /** docker's short key ID: the first 12 characters. */
  private static String truncate(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
