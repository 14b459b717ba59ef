package io.trustyard.client.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.client.VerificationException;
import io.trustyard.client.auth.CredentialStore;
import io.trustyard.client.registry.RegistryClient;
import io.trustyard.client.registry.RegistryException;
import io.trustyard.client.registry.RepositoryClient;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.testing.DockerRegistry;
import io.trustyard.client.testing.RecordingProgress;
import io.trustyard.client.testing.TestImages;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.MediaTypes;
import io.trustyard.core.oci.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull against Debian's docker-registry (distribution 2.8). */
class PushPullDockerRegistryTest {

  @TempDir static Path registryDir;
  static DockerRegistry registry;
  @TempDir Path dir;

  @BeforeAll
  static void startRegistry() throws IOException {
    registry = DockerRegistry.start(registryDir, null);
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private static RegistryClient client(long chunkSize) {
    return new RegistryClient(RegistryClient.Options.defaults(CredentialStore.ANONYMOUS).withChunkSize(chunkSize));
  }

  private Reference ref(String repoAndTag) {
    return Reference.parse(registry.host() + "/" + repoAndTag);
  }

  private TestImages.Built built(long seed) {
    return TestImages.image("linux", "amd64", List.of(TestImages.layer("a.bin", 3000, seed),
        TestImages.layer("b.bin", 70_000, seed + 1)));
  }

  @Test
  void pushedImageIsPulledIntoAnotherStoreByteForByte() throws IOException {
    ImageStore source = ImageStore.open(dir.resolve("source"));
    TestImages.Built image = built(1);
    Reference ref = ref("team/app:1.0");
    TestImages.store(source, ref.toString(), image);

    RecordingProgress pushed = new RecordingProgress();
    ImagePusher.Result result = new ImagePusher(client(0), source, TrustPolicy.NONE, pushed).push(ref);
    assertThat(result.digest()).isEqualTo(image.digest());
    assertThat(result.length()).isEqualTo(image.manifest().length);
    assertThat(pushed.count("Pushed")).isEqualTo(3);

    ImageStore target = ImageStore.open(dir.resolve("target"));
    RecordingProgress pulled = new RecordingProgress();
    ImagePuller.Result got = new ImagePuller(client(0), target, TrustPolicy.NONE, pulled)
        .pull(ref, PlatformSpec.current());
    assertThat(got.manifest().digest()).isEqualTo(image.digest());
    assertThat(got.name()).isEqualTo(ref.toString());
    assertThat(pulled.count("Pull complete")).isEqualTo(3);
    assertThat(Files.readAllBytes(target.blobPath(image.digest()))).isEqualTo(image.manifest());
    assertThat(Files.readAllBytes(target.blobPath(Digest.sha256(image.config())))).isEqualTo(image.config());
    for (byte[] layer : image.layers()) {
      assertThat(Files.readAllBytes(target.blobPath(Digest.sha256(layer)))).isEqualTo(layer);
    }
    assertThat(blobFiles(target)).isEqualTo(blobFiles(source));
  }

  @Test
  void chunkedUploadGivesTheSameImageAndPullByDigestWorks() throws IOException {
    ImageStore source = ImageStore.open(dir.resolve("source"));
    TestImages.Built image = built(10);
    Reference ref = ref("chunked/app:2");
    TestImages.store(source, ref.toString(), image);
    new ImagePusher(client(4096), source, TrustPolicy.NONE, ProgressListener.NONE).push(ref);

    ImageStore target = ImageStore.open(dir.resolve("target"));
    Reference byDigest = ref("chunked/app").withDigest(image.digest());
    ImagePuller.Result got = new ImagePuller(client(0), target, TrustPolicy.NONE, ProgressListener.NONE)
        .pull(byDigest, PlatformSpec.current());
    assertThat(got.name()).isEqualTo(registry.host() + "/chunked/app@" + image.digest());
    assertThat(blobFiles(target)).isEqualTo(blobFiles(source));
  }

  @Test
  void blobsTheRegistryHasAreSkippedAndOtherRepositoriesMounted() {
    ImageStore source = ImageStore.open(dir.resolve("source"));
    TestImages.Built image = built(20);
    Reference first = ref("mount/one:1");
    Reference second = ref("mount/two:1");
    TestImages.store(source, first.toString(), image);
    new ImagePusher(client(0), source, TrustPolicy.NONE, ProgressListener.NONE).push(first);

    source.tag(first.toString(), second.toString());
    RecordingProgress progress = new RecordingProgress();
    new ImagePusher(client(0), source, TrustPolicy.NONE, progress).push(second);
    assertThat(progress.count("Mounted from mount/one")).isEqualTo(3);

    RecordingProgress again = new RecordingProgress();
    new ImagePusher(client(0), source, TrustPolicy.NONE, again).push(second);
    assertThat(again.count("Layer already exists")).isEqualTo(3);
    assertThat(again.count("Pushed")).isZero();
  }

  @Test
  void multiArchIndexPullPicksThePlatformAndPlatformOverrides() {
    TestImages.Built amd = TestImages.image("linux", "amd64", List.of(TestImages.layer("x", 100, 31)));
    TestImages.Built arm = TestImages.image("linux", "arm64", List.of(TestImages.layer("x", 100, 32)));
    RepositoryClient repo = client(0).repository(registry.host(), "multi/app", true);
    for (TestImages.Built b : List.of(amd, arm)) {
      uploadAll(repo, b);
      repo.putManifest(b.digest().toString(), b.manifest(), MediaTypes.OCI_MANIFEST);
    }
    byte[] index = TestImages.index(List.of(amd, arm), List.of(new String[] {"linux", "amd64"},
        new String[] {"linux", "arm64"}));
    repo.putManifest("latest", index, MediaTypes.OCI_INDEX);

    ImageStore target = ImageStore.open(dir.resolve("target"));
    ImagePuller puller = new ImagePuller(client(0), target, TrustPolicy.NONE, ProgressListener.NONE);
    ImagePuller.Result result = puller.pull(ref("multi/app:latest"), PlatformSpec.parse("linux/arm64"));
    assertThat(result.manifest().digest()).isEqualTo(arm.digest());
    assertThat(result.resolvedDigest()).isEqualTo(Digest.sha256(index));
    assertThat(target.hasBlob(amd.digest())).isFalse();

    ImagePuller.Result amdResult = puller.pull(ref("multi/app:latest"), PlatformSpec.parse("linux/amd64"));
    assertThat(amdResult.manifest().digest()).isEqualTo(amd.digest());
    assertThatThrownBy(() -> puller.pull(ref("multi/app:latest"), PlatformSpec.parse("windows/amd64")))
        .hasMessageContaining("no image for platform windows/amd64")
        .hasMessageContaining("linux/arm64");
  }

  @Test
  void tamperedLayerFailsThePullNamingTheBlobAndLeavesTheStoreAsItWas() throws IOException {
    ImageStore source = ImageStore.open(dir.resolve("source"));
    TestImages.Built image = built(40);
    Reference ref = ref("tamper/app:1");
    TestImages.store(source, ref.toString(), image);
    new ImagePusher(client(0), source, TrustPolicy.NONE, ProgressListener.NONE).push(ref);

    ImageStore target = ImageStore.open(dir.resolve("target"));
    TestImages.store(target, "example.com/other:1", built(41));
    List<Path> before = allFiles(target.root());
    byte[] indexBefore = Files.readAllBytes(target.root().resolve("index.json"));

    Digest layer = Digest.sha256(image.layers().get(1));
    Path data = registry.blobData(layer.hex());
    byte[] evil = Files.readAllBytes(data);
    evil[evil.length / 2] ^= 1;
    Files.write(data, evil);

    ImagePuller puller = new ImagePuller(client(0), target, TrustPolicy.NONE, ProgressListener.NONE);
    assertThatThrownBy(() -> puller.pull(ref, PlatformSpec.current()))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("blob " + layer)
        .hasMessageContaining("failed verification");
    assertThat(allFiles(target.root())).isEqualTo(before);
    assertThat(Files.readAllBytes(target.root().resolve("index.json"))).isEqualTo(indexBefore);
    assertThat(target.get(ref.toString())).isEmpty();
  }

  @Test
  void skopeoReadsWhatWePushed() throws Exception {
    ImageStore source = ImageStore.open(dir.resolve("source"));
    TestImages.Built image = built(50);
    Reference ref = ref("skopeo/app:v1");
    TestImages.store(source, ref.toString(), image);
    new ImagePusher(client(2048), source, TrustPolicy.NONE, ProgressListener.NONE).push(ref);

    Process p = new ProcessBuilder("skopeo", "inspect", "--tls-verify=false", "--raw",
        "docker://" + ref).redirectErrorStream(true).start();
    byte[] raw = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    assertThat(raw).isEqualTo(image.manifest());

    Process q = new ProcessBuilder("skopeo", "inspect", "--tls-verify=false", "docker://" + ref)
        .redirectErrorStream(true).start();
    String out = new String(q.getInputStream().readAllBytes());
    assertThat(q.waitFor()).isZero();
    assertThat(out).contains("\"Digest\": \"" + image.digest() + "\"").contains("\"Architecture\": \"amd64\"");
  }

  @Test
  void errorsSayWhatIsWrong() throws IOException {
    ImageStore target = ImageStore.open(dir.resolve("target"));
    ImagePuller puller = new ImagePuller(client(0), target, TrustPolicy.NONE, ProgressListener.NONE);
    assertThatThrownBy(() -> puller.pull(ref("nothing/here:1"), PlatformSpec.current()))
        .isInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND))
        .hasMessageContaining("nothing/here");

    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThatThrownBy(() -> puller.pull(Reference.parse("127.0.0.1:" + closed + "/x:1"), PlatformSpec.current()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("cannot reach registry 127.0.0.1:" + closed)
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNREACHABLE));
  }

  @Test
  void aPullKilledMidwayLeavesNoTraceOnceTheStoreIsNextUsed() throws Exception {
    ImageStore source = ImageStore.open(dir.resolve("source"));
    TestImages.Built image = built(60);
    Reference ref = ref("killed/app:1");
    TestImages.store(source, ref.toString(), image);
    new ImagePusher(client(0), source, TrustPolicy.NONE, ProgressListener.NONE).push(ref);

    ImageStore target = ImageStore.open(dir.resolve("target"));
    TestImages.store(target, "example.com/kept:1", built(61));
    List<Path> before = allFiles(target.root());
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.trustyard.client.testing.KilledPull", target.root().toString(), ref.toString())
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes());
    assertThat(child.waitFor()).as(out).isEqualTo(137);
    assertThat(out).contains("dying").doesNotContain("finished");
    assertThat(target.get(ref.toString())).isEmpty();

    // The dead pull's staging area is swept by the next change to the store.
    target.begin().close();
    assertThat(allFiles(target.root())).isEqualTo(before);
  }

  private static void uploadAll(RepositoryClient repo, TestImages.Built b) {
    try {
      Path tmp = Files.createTempFile("blob", ".bin");
      try {
        for (byte[] content : Stream.concat(b.layers().stream(), Stream.of(b.config())).toList()) {
          Files.write(tmp, content);
          repo.uploadBlob(Descriptor.of(MediaTypes.OCTET_STREAM, Digest.sha256(content), content.length), tmp,
              n -> { });
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> blobFiles(ImageStore store) throws IOException {
    try (Stream<Path> s = Files.walk(store.root().resolve("blobs"))) {
      return s.filter(Files::isRegularFile).map(p -> store.root().relativize(p).toString()).sorted().toList();
    }
  }

  private static List<Path> allFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.getFileName().toString().equals(".lock")).sorted().toList();
    }
  }
}
