package io.trustyard.cli.image;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trustyard image ...}: the local image store, and push/pull to registries. */
@Command(name = "image", mixinStandardHelpOptions = true,
    description = "Manage images in the local store and move them to and from registries.",
    subcommands = {ImageLsCommand.class, ImageTagCommand.class, ImageRmCommand.class, ImageInspectCommand.class,
        ImageImportCommand.class, ImageExportCommand.class, ImagePushCommand.class, ImagePullCommand.class})
public final class ImageCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
