package io.trustyard.cli.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.StoreException;
import io.trustyard.client.store.StoredImage;
import io.trustyard.core.oci.ImageManifest;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.ManifestParser;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show an image's manifest and config (as JSON) from the local store.")
final class ImageInspectCommand extends ClientCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "1..*", paramLabel = "IMAGE") List<String> images;

  @Override
  int run() throws Exception {
    ImageStore store = context().store();
    ArrayNode all = JSON.createArrayNode();
    for (String typed : images) {
      String name = Names.normalise(typed);
      StoredImage image = store.get(name).orElseThrow(() -> new StoreException("no image " + name
          + " in the local store"));
      ObjectNode o = all.addObject();
      o.put("Name", image.name());
      o.put("Digest", image.manifest().digest().toString());
      o.put("MediaType", image.manifest().mediaType());
      o.put("Size", ImageLsCommand.size(store, image.manifest()));
      byte[] manifestBytes = store.readBlob(image.manifest().digest(), ManifestParser.MAX_MANIFEST_BYTES);
      o.set("Manifest", JSON.readTree(manifestBytes));
      Manifest m = store.manifest(image.manifest());
      if (m instanceof ImageManifest im && store.hasBlob(im.config().digest())) {
        o.set("Config", JSON.readTree(store.readBlob(im.config().digest(), 32L << 20)));
      }
    }
    out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
    out().flush();
    return 0;
  }
}
