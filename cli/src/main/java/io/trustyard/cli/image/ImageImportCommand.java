package io.trustyard.cli.image;

import io.trustyard.client.archive.ImageImporter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", aliases = "load", mixinStandardHelpOptions = true,
    description = "Import images from an OCI layout directory, an OCI archive or a docker save archive"
        + " (tar, optionally gzipped).")
final class ImageImportCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "PATH") Path source;

  @Option(names = "--name", paramLabel = "REPOSITORY[:TAG]",
      description = "Name for images the source names only by a tag, or not at all.")
  String name;

  @Override
  int run() {
    for (String imported : new ImageImporter(context().store()).importFrom(source, name)) {
      out().println("Loaded image: " + imported);
    }
    out().flush();
    return 0;
  }
}
