package io.trustyard.cli.image;

import io.trustyard.client.image.ImagePusher;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.core.oci.Reference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "push", mixinStandardHelpOptions = true, description = "Push an image from the local store to its registry.")
final class ImagePushCommand extends ClientCommand {

  @Parameters(index = "0", paramLabel = "IMAGE[:TAG]") String image;

  @Option(names = "--disable-content-trust", description = "Do not sign, even with DOCKER_CONTENT_TRUST set.")
  boolean disableContentTrust;

  @Option(names = "--chunk-size", paramLabel = "BYTES", defaultValue = "0",
      description = "Upload blobs in chunks of this size (0: each blob in one request).")
  long chunkSize;

  @Mixin ProgressOption progress;

  @Override
  int run() {
    Reference ref = Reference.parseWithDefaultTag(image);
    TrustPolicy trust = TrustSettings.policy(environment, clock, options.config, disableContentTrust,
        context().dockerConfig(), out(), err());
    boolean tty = progress.tty(environment);
    out().println("The push refers to repository [" + ref.name() + "]");
    ImagePusher.Result result = new ImagePusher(context().registry(chunkSize), context().store(), trust,
        progress.listener(tty, out(), environment)).push(ref);
    if (!tty) {
      out().println((ref.tag() != null ? ref.tag() + ": " : "") + "digest: " + result.digest() + " size: "
          + result.length());
    }
    out().flush();
    return 0;
  }
}
