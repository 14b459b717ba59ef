package io.trustyard.cli.image;

import io.trustyard.client.store.ImageStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
    description = "Remove images from the local store (blobs no other image uses are deleted).")
final class ImageRmCommand extends ClientCommand {

  @Parameters(arity = "1..*", paramLabel = "IMAGE") List<String> images;

  @Override
  int run() {
    ImageStore store = context().store();
    int status = 0;
    for (String typed : images) {
      String name = Names.normalise(typed);
      if (store.remove(name)) {
        out().println("Untagged: " + name);
      } else {
        err().println("trustyard: no image " + name + " in the local store");
        status = FAILED;
      }
    }
    out().flush();
    err().flush();
    return status;
  }
}
