package io.trustyard.cli.trust;

import io.trustyard.client.image.ImagePusher;
import io.trustyard.client.image.ProgressListener;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.client.image.TrustedTarget;
import io.trustyard.client.notary.DockerSigning;
import io.trustyard.client.notary.DockerTrustInfo;
import io.trustyard.client.notary.DockerTrustInfo.SignedTag;
import io.trustyard.client.notary.NotaryRepository;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.trust.TrustException;
import io.trustyard.core.oci.Reference;
import io.trustyard.core.tuf.model.FileMeta;
import io.trustyard.core.tuf.verify.TrustedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trust sign [--local] IMAGE:TAG}, as docker does it: a repository without trust data is
 * created with the registry user as its first signer; a tag already released is co-signed with
 * the digest already signed; otherwise (or with {@code --local}) the local image is pushed and its
 * pushed digest signed. Signatures go into every role docker signs into (spec/notary.md §8.7).
 */
@Command(name = "sign", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 1, description = "Sign an image.")
final class TrustSignCommand extends TrustSubcommand {

  @Parameters(index = "0", paramLabel = "IMAGE:TAG") String image;

  @Option(names = "--local", description = "Sign a locally tagged image.")
  boolean local;

  @Override
  int run() {
    Reference ref = Reference.parse(image);
    if (ref.tag() == null) {
      throw new IllegalArgumentException(ref.digest() != null ? "cannot use a digest reference for IMAGE:TAG"
          : "no tag specified for " + image);
    }
    NotaryRepository repo = open(ref);
    Optional<TrustedSet> current = DockerSigning.current(repo);
    if (current.isEmpty()) {
      requireLocalImage(ref);
      String user = context().dockerConfig().get(ref.registry()).map(c -> c.username()).orElse("");
      if (!NAME.matcher(user).matches() || user.equals("releases")) {
        throw new IllegalArgumentException(ref.name() + " has no trust data yet and its first signer is named after"
            + " the registry user, but " + (user.isEmpty() ? "you are not logged in to " + ref.registry()
            + " (trustyard login " + ref.registry() + ")" : "the user name \"" + user + "\" is not a valid signer name")
            + "; or create it with: trustyard trust signer add --key KEY.pub NAME " + ref.name());
      }
      DockerSigning.initializeWithSigner(repo, user);
      out().println("Created signer: " + user);
      out().println("Finished initializing signed repository for " + image);
      current = Optional.of(repo.update());
    }
    Optional<DockerTrustInfo.RoleTarget> released = DockerTrustInfo.releasedTarget(current.get(), ref.tag());
    if (released.isEmpty() || local) {
      requireLocalImage(ref);
      err().println("Signing and pushing trust data for local image " + image + ", may overwrite remote trust data");
      err().flush();
      pushAndSign(repo, ref);
      return 0;
    }
    out().println("Signing and pushing trust metadata for " + image);
    List<SignedTag> existing = DockerTrustInfo.of(current.get(), ref.tag()).signedTags();
    try {
      DockerSigning.signTarget(repo, ref.tag(), released.get().meta());
    } catch (TrustException e) {
      throw new TrustException(e.kind(), "failed to sign " + ref.name() + ":" + ref.tag() + ": " + e.getMessage(), e);
    }
    SignedTag first = existing.isEmpty() ? new SignedTag("", "", List.of()) : existing.get(0);
    List<String> signers = new ArrayList<>(first.signers());
    signers.sort(null);
    out().println("Existing signatures for tag " + first.tag() + " digest " + first.digest() + " from:");
    out().println(String.join(", ", signers));
    out().println("Successfully signed " + ref.name() + ":" + ref.tag());
    return 0;
  }

  private void requireLocalImage(Reference ref) {
    ImageStore store = context().store();
    if (store.get(ref.toString()).isEmpty()) {
      throw new IllegalArgumentException("No such image: " + image + " (not in the local store " + store.root() + ")");
    }
  }

  /** Pushes the local image, then signs the digest the registry took into the signable roles. */
  private void pushAndSign(NotaryRepository repo, Reference ref) {
    out().println("The push refers to repository [" + ref.name() + "]");
    TrustPolicy signing = new TrustPolicy() {
      @Override
      public Optional<TrustedTarget> resolve(Reference reference) {
        return Optional.empty();
      }

      @Override
      public void pushed(Reference reference, TrustedTarget target) {
        out().println(reference.tag() + ": digest: " + target.digest() + " size: " + target.length());
        out().println("Signing and pushing trust metadata");
        out().flush();
        try {
          DockerSigning.signTarget(repo, target.tag(), FileMeta.sha256Only(target.length(), target.digest().bytes()));
        } catch (TrustException e) {
          throw new TrustException(e.kind(), "failed to sign " + ref.name() + ":" + ref.tag() + ": " + e.getMessage(), e);
        }
        out().println("Successfully signed " + ref.name() + ":" + ref.tag());
      }
    };
    new ImagePusher(context().registry(0), context().store(), signing, ProgressListener.NONE).push(ref);
  }
}
