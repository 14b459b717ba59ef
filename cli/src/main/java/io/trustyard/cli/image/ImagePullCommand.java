package io.trustyard.cli.image;

import io.trustyard.client.image.ImagePuller;
import io.trustyard.client.image.PlatformSpec;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.core.oci.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Pull an image into the local store, verifying every byte before it is stored.")
final class ImagePullCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "IMAGE[:TAG|@DIGEST]") String image;

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
      description = "Platform to pick from a multi-arch image (default: this machine's).")
  String platform;

  @Option(names = "--disable-content-trust", description = "Do not verify tags, even with DOCKER_CONTENT_TRUST set.")
  boolean disableContentTrust;

  @Mixin ProgressOption progress;

  @Override
  int run() {
    Reference ref = Reference.parseWithDefaultTag(image);
    PlatformSpec wanted = platform == null ? PlatformSpec.current() : PlatformSpec.parse(platform);
    TrustPolicy trust = TrustSettings.policy(environment, clock, options.config, disableContentTrust,
        context().dockerConfig(), out(), err());
    boolean tty = progress.tty(environment);
    if (tty && ref.tag() != null) {
      out().println(ref.tag() + ": Pulling from " + ref.repository());
    }
    ImagePuller.Result result = new ImagePuller(context().registry(0), context().store(), trust,
        progress.listener(tty, out(), environment)).pull(ref, wanted);
    if (!tty) {
      out().println("Digest: " + result.resolvedDigest());
    }
    out().println("Status: " + (result.changed() ? "Downloaded newer image for " : "Image is up to date for ")
        + result.name());
    out().println(result.name());
    out().flush();
    return 0;
  }
}
