package io.trustyard.cli.notary;

import io.trustyard.client.trust.KeyFileStore;
import io.trustyard.client.trust.KeyFileStore.KeyInfo;
import io.trustyard.core.crypto.Pem;
import io.trustyard.core.crypto.PemBlock;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code notary key export [--key id,...|--gun gun] [-o file]}: the trust dir's key files, still
 * encrypted, each PEM block with a {@code path: <key ID>} header so that {@code key import} puts
 * it back under the same name.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Exports all keys from the trust dir, or those of --key IDs or of a --gun.")
final class KeyExportCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @ParentCommand KeyCommand key;

  @Option(names = "--gun", split = ",", description = "GUNs for which to export keys")
  List<String> guns = new ArrayList<>();

  @Option(names = "--key", split = ",", description = "Key IDs to export")
  List<String> keyIds = new ArrayList<>();

  @Option(names = {"-o", "--output"}, description = "Filepath to write export output to")
  String output;

  @Override
  public Integer call() {
    return NotaryCommand.fatalOnError(spec, () -> {
      if (!guns.isEmpty() && !keyIds.isEmpty()) {
        throw new NotaryCliException("Only the --gun or --key flag may be provided, not a mix of the two flags");
      }
      KeyFileStore store = key.notary.keyStore();
      ByteArrayOutputStream exported = new ByteArrayOutputStream();
      for (KeyInfo info : store.list()) {
        // notary exports the keys of the first --gun only.
        boolean wanted = !guns.isEmpty() ? info.gun().orElse("").equals(guns.get(0))
            : keyIds.isEmpty() || keyIds.contains(info.canonicalId());
        if (wanted) {
          for (PemBlock block : Pem.decodeAll(store.keyFileBytes(info.canonicalId()))) {
            Map<String, String> headers = new LinkedHashMap<>(block.headers());
            headers.put("path", info.canonicalId());
            exported.writeBytes(Pem.encode(block.type(), headers, block.bytes()));
          }
        }
      }
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(exported.toString(StandardCharsets.US_ASCII));
        out.flush();
      } else {
        UserFiles.writePrivate(output, exported.toByteArray());
      }
      return 0;
    });
  }
}
