package io.trustyard.cli.image;

import io.trustyard.client.archive.ImageExporter;
import io.trustyard.client.image.PlatformSpec;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", aliases = "save", mixinStandardHelpOptions = true,
    description = "Export images as a docker save archive (default), an OCI archive or an OCI layout directory.")
final class ImageExportCommand extends ClientCommand {

  enum Format { DOCKER_ARCHIVE, OCI_ARCHIVE, OCI }

  @Parameters(arity = "1..*", paramLabel = "IMAGE") List<String> images;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "PATH", description = "File or directory to write.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "DOCKER_ARCHIVE",
      converter = FormatConverter.class,
      description = "docker-archive, oci-archive or oci (a layout directory). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--platform", paramLabel = "OS/ARCH", description = "Platform of multi-arch images in docker archives.")
  String platform;

  @Override
  int run() {
    ImageExporter.Format f = switch (format) {
      case DOCKER_ARCHIVE -> ImageExporter.Format.DOCKER_ARCHIVE;
      case OCI_ARCHIVE -> ImageExporter.Format.OCI_ARCHIVE;
      case OCI -> ImageExporter.Format.OCI_DIR;
    };
    new ImageExporter(context().store()).export(images.stream().map(Names::normalise).toList(), output, f,
        platform == null ? PlatformSpec.current() : PlatformSpec.parse(platform));
    return 0;
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "docker-archive", "docker_archive", "docker" -> Format.DOCKER_ARCHIVE;
        case "oci-archive", "oci_archive" -> Format.OCI_ARCHIVE;
        case "oci", "oci-dir", "oci-layout" -> Format.OCI;
        default -> throw new picocli.CommandLine.TypeConversionException(
            "unknown format '" + value + "' (docker-archive, oci-archive, oci)");
      };
    }
  }
}
