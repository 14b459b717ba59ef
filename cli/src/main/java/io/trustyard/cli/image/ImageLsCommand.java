package io.trustyard.cli.image;

import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.StoredImage;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ImageIndex;
import io.trustyard.core.oci.ImageManifest;
import io.trustyard.core.oci.Manifest;
import io.trustyard.core.oci.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, description = "List images in the local store.")
final class ImageLsCommand extends ClientCommand {

  @Option(names = {"-q", "--quiet"}, description = "Print full image names only.")
  boolean quiet;

  @Override
  int run() {
    ImageStore store = context().store();
    List<StoredImage> images = new ArrayList<>(store.images());
    images.sort(Comparator.comparing(StoredImage::name));
    if (quiet) {
      images.forEach(i -> out().println(i.name()));
      out().flush();
      return 0;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"REPOSITORY", "TAG", "DIGEST", "SIZE"});
    for (StoredImage image : images) {
      Reference r = Reference.parse(image.name());
      rows.add(new String[] {r.familiarName(), r.tag() == null ? "<none>" : r.tag(),
          image.manifest().digest().toString().substring(0, 19), ProgressDisplay.human(size(store, image.manifest()))});
    }
    int[] widths = new int[4];
    rows.forEach(row -> {
      for (int i = 0; i < 4; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    });
    for (String[] row : rows) {
      out().println(String.format("%-" + widths[0] + "s   %-" + widths[1] + "s   %-" + widths[2] + "s   %s",
          row[0], row[1], row[2], row[3]).stripTrailing());
    }
    out().flush();
    return 0;
  }

  /** Bytes of the image's content present in the store (manifest, config, layers). */
  static long size(ImageStore store, Descriptor top) {
    if (!store.hasBlob(top.digest())) {
      return 0;
    }
    Manifest m = store.manifest(top);
    long total = top.size();
    if (m instanceof ImageManifest image) {
      total += image.config().size();
      for (Descriptor l : image.layers()) {
        total += l.size();
      }
    } else if (m instanceof ImageIndex index) {
      for (Descriptor c : index.manifests()) {
        total += size(store, c);
      }
    }
    return total;
  }
}
