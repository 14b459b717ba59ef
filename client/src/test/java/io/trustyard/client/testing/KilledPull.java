package io.trustyard.client.testing;

import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.image.ImagePuller;
import io.trustyard.client.image.PlatformSpec;
import io.trustyard.client.image.ProgressListener;
import io.trustyard.client.image.TrustPolicy;
import io.trustyard.client.registry.RegistryClient;
import io.trustyard.client.store.ImageStore;
import io.trustyard.core.oci.Reference;
import java.nio.file.Path;

/**
 * A pull that dies like a killed process (no finally blocks, no shutdown hooks) once the second
 * blob is half downloaded. Run in its own JVM: {@code KilledPull STORE REFERENCE}.
 */
public final class KilledPull {
  private KilledPull() {}

  public static void main(String[] args) {
    ImageStore store = ImageStore.open(Path.of(args[0]));
    ProgressListener dieMidway = new ProgressListener() {
      private int started;

      @Override
      public void started(String id, String action, long total) {
        started++;
      }

      @Override
      public void progressed(String id, long done) {
        if (started >= 2 && done > 0) {
          System.out.println("dying");
          System.out.flush();
          Runtime.getRuntime().halt(137);
        }
      }

      @Override
      public void finished(String id, String status) {}

      @Override
      public void message(String text) {}
    };
    new ImagePuller(new RegistryClient(RegistryClient.Options.defaults(CredentialStore.ANONYMOUS)), store,
        TrustPolicy.NONE, dieMidway).pull(Reference.parse(args[1]), PlatformSpec.current());
    System.out.println("finished");
  }
}
