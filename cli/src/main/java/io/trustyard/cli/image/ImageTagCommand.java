package io.trustyard.cli.image;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "tag", mixinStandardHelpOptions = true, description = "Give an image in the local store another name.")
final class ImageTagCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "SOURCE") String source;
  @Parameters(index = "1", paramLabel = "TARGET") String target;

  @Override
  int run() {
    context().store().tag(Names.normalise(source), Names.normalise(target));
    return 0;
  }
}
