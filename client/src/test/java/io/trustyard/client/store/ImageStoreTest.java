package io.trustyard.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.client.VerificationException;
import io.trustyard.client.testing.TestImages;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.MediaTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {

  @TempDir Path dir;

  private static TestImages.Built image(long seed) {
    return TestImages.image("linux", "amd64", List.of(TestImages.layer("f", 700, seed)));
  }

  @Test
  void aFreshStoreIsAnOciLayout() throws IOException {
    ImageStore store = ImageStore.open(dir.resolve("s"));
    assertThat(Files.readString(store.root().resolve("oci-layout"))).contains("\"imageLayoutVersion\":\"1.0.0\"");
    assertThat(Files.readString(store.root().resolve("index.json")))
        .contains("\"schemaVersion\":2").contains("\"manifests\":[]");
    assertThat(store.images()).isEmpty();
  }

  @Test
  void imagesAreNamedByRefNameAnnotations() throws IOException {
    ImageStore store = ImageStore.open(dir.resolve("s"));
    TestImages.Built built = image(1);
    TestImages.store(store, "example.com/team/app:1", built);
    assertThat(Files.readString(store.root().resolve("index.json")))
        .contains("\"org.opencontainers.image.ref.name\":\"example.com/team/app:1\"");
    assertThat(store.get("example.com/team/app:1").orElseThrow().manifest().digest()).isEqualTo(built.digest());
    assertThat(Files.readAllBytes(store.blobPath(built.digest()))).isEqualTo(built.manifest());
  }

  @Test
  void aTransactionClosedWithoutCommitLeavesNothingBehind() throws IOException {
    ImageStore store = ImageStore.open(dir.resolve("s"));
    List<Path> before = files(store.root());
    try (StoreTransaction tx = store.begin()) {
      tx.addBlob(MediaTypes.OCI_LAYER, "partial pull".getBytes(StandardCharsets.UTF_8));
      Path half = tx.newFile();
      Files.write(half, new byte[100]);
    }
    assertThat(files(store.root())).isEqualTo(before);
  }

  @Test
  void aBlobThatDoesNotMatchIsRefusedAndDeleted() throws IOException {
    ImageStore store = ImageStore.open(dir.resolve("s"));
    try (StoreTransaction tx = store.begin()) {
      Path file = tx.newFile();
      Files.writeString(file, "evil");
      Descriptor claimed = Descriptor.of(MediaTypes.OCI_LAYER, Digest.sha256("good".getBytes(StandardCharsets.UTF_8)), 4);
      assertThatThrownBy(() -> tx.addBlob(claimed, file)).isInstanceOf(VerificationException.class)
          .hasMessageContaining("blob " + claimed.digest()).hasMessageContaining("failed verification");
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void aManifestMissingFromTheStoreCannotBeNamed() {
    ImageStore store = ImageStore.open(dir.resolve("s"));
    try (StoreTransaction tx = store.begin()) {
      tx.setRef("example.com/a:1", Descriptor.of(MediaTypes.OCI_MANIFEST, Digest.sha256(new byte[1]), 1));
      assertThatThrownBy(tx::commit).isInstanceOf(StoreException.class);
    }
    assertThat(store.images()).isEmpty();
    assertThat(store.hasBlob(Digest.sha256(new byte[1]))).isFalse();
  }

  @Test
  void removeKeepsSharedBlobsAndDeletesTheRest() {
    ImageStore store = ImageStore.open(dir.resolve("s"));
    TestImages.Built a = image(2);
    TestImages.Built b = image(3);
    TestImages.store(store, "example.com/a:1", a);
    store.tag("example.com/a:1", "example.com/a:2");
    TestImages.store(store, "example.com/b:1", b);
    assertThat(store.remove("example.com/a:1")).isTrue();
    assertThat(store.hasBlob(a.digest())).isTrue();
    assertThat(store.remove("example.com/a:2")).isTrue();
    assertThat(store.hasBlob(a.digest())).isFalse();
    assertThat(store.hasBlob(Digest.sha256(a.layers().get(0)))).isFalse();
    assertThat(store.hasBlob(b.digest())).isTrue();
    assertThat(store.remove("example.com/a:2")).isFalse();
    assertThat(store.images()).extracting(StoredImage::name).containsExactly("example.com/b:1");
  }

  @Test
  void concurrentCommitsAllLand() throws Exception {
    ImageStore store = ImageStore.open(dir.resolve("s"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int n = i;
        futures.add(pool.submit(() -> TestImages.store(ImageStore.open(store.root()), "example.com/c:" + n, image(100 + n))));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(store.images()).hasSize(12);
    try (Stream<Path> staging = Files.list(store.root().resolve(".staging"))) {
      assertThat(staging.toList()).isEmpty();
    }
  }

  @Test
  void aBlobChangedOnDiskIsCaughtOnRead() throws IOException {
    ImageStore store = ImageStore.open(dir.resolve("s"));
    TestImages.Built built = image(4);
    TestImages.store(store, "example.com/a:1", built);
    Files.writeString(store.blobPath(built.digest()), "{}");
    assertThatThrownBy(() -> store.manifest(store.get("example.com/a:1").orElseThrow().manifest()))
        .isInstanceOf(VerificationException.class).hasMessageContaining("failed verification");
  }

  @Test
  void theDefaultPlaceFollowsXdg() {
    assertThat(ImageStore.defaultRoot(Map.of("TRUSTYARD_STORE", "/x/y"))).isEqualTo(Path.of("/x/y"));
    assertThat(ImageStore.defaultRoot(Map.of("XDG_DATA_HOME", "/data"))).isEqualTo(Path.of("/data/trustyard/images"));
    assertThat(ImageStore.defaultRoot(Map.of())).isEqualTo(
        Path.of(System.getProperty("user.home"), ".local/share/trustyard/images"));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.getFileName().toString().equals(".lock")).sorted().toList();
    }
  }
}
