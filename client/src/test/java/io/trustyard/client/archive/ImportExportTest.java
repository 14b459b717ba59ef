package io.trustyard.client.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.client.image.PlatformSpec;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.store.Layouts;
import io.trustyard.client.store.StoreException;
import io.trustyard.client.testing.TestImages;
import io.trustyard.core.digest.Digest;
import io.trustyard.core.oci.Descriptor;
import io.trustyard.core.oci.ImageManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import and export of OCI layouts (made by umoci), OCI archives and docker save archives. */
class ImportExportTest {

  @TempDir Path dir;

  private static String run(Path cwd, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    return out;
  }

  private Path umociLayout() throws Exception {
    run(dir, "umoci", "init", "--layout", "L");
    run(dir, "umoci", "new", "--image", "L:v1");
    Files.writeString(dir.resolve("f.txt"), "hello from umoci\n");
    run(dir, "umoci", "insert", "--rootless", "--image", "L:v1", "f.txt", "/f.txt");
    return dir.resolve("L");
  }

  @Test
  void umociLayoutImportsAndExportsToALayoutUmociAndSkopeoRead() throws Exception {
    Path layout = umociLayout();
    Descriptor original = Layouts.readIndex(layout.resolve("index.json"), 1 << 20).get(0);
    ImageStore store = ImageStore.open(dir.resolve("store"));

    assertThatThrownBy(() -> new ImageImporter(store).importFrom(layout, null))
        .isInstanceOf(StoreException.class).hasMessageContaining("only 'v1'").hasMessageContaining("--name");
    List<String> names = new ImageImporter(store).importFrom(layout, "example.com/umoci/app");
    assertThat(names).containsExactly("example.com/umoci/app:v1");
    assertThat(store.get("example.com/umoci/app:v1").orElseThrow().manifest().digest())
        .isEqualTo(original.digest());

    Path out = dir.resolve("out");
    new ImageExporter(store).export(names, out, ImageExporter.Format.OCI_DIR, PlatformSpec.current());
    assertThat(run(dir, "umoci", "ls", "--layout", "out")).contains("v1");
    run(dir, "umoci", "stat", "--image", "out:v1");
    String raw = run(dir, "skopeo", "inspect", "--raw", "oci:out:v1");
    assertThat(raw.getBytes(StandardCharsets.UTF_8))
        .isEqualTo(Files.readAllBytes(layout.resolve("blobs/sha256/" + original.digest().hex())));

    ImageStore again = ImageStore.open(dir.resolve("again"));
    assertThat(new ImageImporter(again).importFrom(out, null)).containsExactly("example.com/umoci/app:v1");
    assertThat(blobs(again)).isEqualTo(blobs(store));
  }

  @Test
  void ociArchiveRoundTripsAndSkopeoReadsIt() throws Exception {
    ImageStore store = ImageStore.open(dir.resolve("store"));
    TestImages.Built image = TestImages.image("linux", "amd64", List.of(TestImages.layer("a", 5000, 7)));
    TestImages.store(store, "registry.example:5000/team/app:2.1", image);
    Path archive = dir.resolve("app.tar");
    new ImageExporter(store).export(List.of("registry.example:5000/team/app:2.1"), archive,
        ImageExporter.Format.OCI_ARCHIVE, PlatformSpec.current());

    String raw = run(dir, "skopeo", "inspect", "--raw", "oci-archive:app.tar:2.1");
    assertThat(raw.getBytes(StandardCharsets.UTF_8)).isEqualTo(image.manifest());

    ImageStore other = ImageStore.open(dir.resolve("other"));
    assertThat(new ImageImporter(other).importFrom(archive, null))
        .containsExactly("registry.example:5000/team/app:2.1");
    assertThat(other.get("registry.example:5000/team/app:2.1").orElseThrow().manifest().digest())
        .isEqualTo(image.digest());
    assertThat(blobs(other)).isEqualTo(blobs(store));
  }

  @Test
  void classicDockerSaveArchiveImportsAndRoundTripsThroughADockerArchive() throws Exception {
    byte[] layer = TestImages.layer("etc/motd", 4000, 11);
    Path archive = dockerSave(layer, false);
    ImageStore store = ImageStore.open(dir.resolve("store"));
    assertThat(new ImageImporter(store).importFrom(archive, null))
        .containsExactly("docker.io/library/myapp:1.0", "localhost:5000/team/myapp:1.0");
    Descriptor top = store.get("docker.io/library/myapp:1.0").orElseThrow().manifest();
    ImageManifest manifest = (ImageManifest) store.manifest(top);
    assertThat(manifest.layers()).extracting(Descriptor::digest)
        .containsExactly(Digest.sha256(layer), Digest.sha256(layer));

    Path exported = dir.resolve("export.tar");
    new ImageExporter(store).export(List.of("docker.io/library/myapp:1.0"), exported,
        ImageExporter.Format.DOCKER_ARCHIVE, PlatformSpec.current());
    Map<String, byte[]> files = untar(exported);
    JsonNode saved = new ObjectMapper().readTree(files.get("manifest.json"));
    assertThat(saved.get(0).get("RepoTags").get(0).asText()).isEqualTo("myapp:1.0");
    for (JsonNode l : saved.get(0).get("Layers")) {
      assertThat(files).containsKey(l.asText());
    }
    assertThat(files).containsKey(saved.get(0).get("Config").asText()).containsKey("repositories");
    String skopeo = run(dir, "skopeo", "inspect", "--raw", "docker-archive:export.tar");
    assertThat(skopeo).contains(manifest.config().digest().toString());

    ImageStore other = ImageStore.open(dir.resolve("other"));
    assertThat(new ImageImporter(other).importFrom(exported, null)).containsExactly("docker.io/library/myapp:1.0");
    assertThat(other.get("docker.io/library/myapp:1.0").orElseThrow().manifest().digest()).isEqualTo(top.digest());
  }

  @Test
  void gzippedDockerSaveImports() throws Exception {
    Path archive = dockerSave(TestImages.layer("x", 300, 12), true);
    ImageStore store = ImageStore.open(dir.resolve("store"));
    assertThat(new ImageImporter(store).importFrom(archive, null)).contains("docker.io/library/myapp:1.0");
  }

  @Test
  void aLayerThatDoesNotMatchItsDiffIdIsRefusedAndTheStoreIsUnchanged() throws Exception {
    Path archive = dockerSave(TestImages.layer("x", 300, 13), false, "sha256:" + "0".repeat(64));
    ImageStore store = ImageStore.open(dir.resolve("store"));
    List<Path> before = files(store.root());
    assertThatThrownBy(() -> new ImageImporter(store).importFrom(archive, null))
        .isInstanceOf(StoreException.class).hasMessageContaining("failed verification");
    assertThat(files(store.root())).isEqualTo(before);
    assertThat(store.images()).isEmpty();
  }

  @Test
  void aTamperedLayoutBlobIsRefusedNamingIt() throws Exception {
    ImageStore store = ImageStore.open(dir.resolve("store"));
    TestImages.Built image = TestImages.image("linux", "amd64", List.of(TestImages.layer("a", 500, 8)));
    TestImages.store(store, "example.com/a:1", image);
    Path out = dir.resolve("out");
    new ImageExporter(store).export(List.of("example.com/a:1"), out, ImageExporter.Format.OCI_DIR,
        PlatformSpec.current());
    Digest layer = Digest.sha256(image.layers().get(0));
    Path blob = out.resolve("blobs/sha256/" + layer.hex());
    byte[] bytes = Files.readAllBytes(blob);
    bytes[100] ^= 1;
    Files.write(blob, bytes);

    ImageStore other = ImageStore.open(dir.resolve("other"));
    List<Path> before = files(other.root());
    assertThatThrownBy(() -> new ImageImporter(other).importFrom(out, null))
        .hasMessageContaining("blob " + layer).hasMessageContaining("failed verification");
    assertThat(files(other.root())).isEqualTo(before);
  }

  @Test
  void anArchiveEntryLeavingTheArchiveIsRefused() throws Exception {
    Path archive = dir.resolve("evil.tar");
    try (TarWriter tar = new TarWriter(Files.newOutputStream(archive))) {
      tar.file("../../escaped", "x".getBytes(StandardCharsets.UTF_8));
    }
    ImageStore store = ImageStore.open(dir.resolve("store"));
    assertThatThrownBy(() -> new ImageImporter(store).importFrom(archive, null))
        .hasMessageContaining("outside the archive");
    assertThat(dir.resolve("escaped")).doesNotExist();
  }

  /** A classic docker save tar: two layer dirs (the second a symlink to the first), config, manifest.json. */
  private Path dockerSave(byte[] layer, boolean gzip, String... diffIdOverride) throws IOException {
    String diffId = diffIdOverride.length > 0 ? diffIdOverride[0] : Digest.sha256(layer).toString();
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + diffId + "\",\"" + diffId + "\"]}}").getBytes(StandardCharsets.UTF_8);
    String configName = Digest.sha256(config).hex() + ".json";
    String id1 = "a".repeat(64);
    String id2 = "b".repeat(64);
    String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"myapp:1.0\",\"localhost:5000/team/myapp:1.0\"],"
        + "\"Layers\":[\"" + id1 + "/layer.tar\",\"" + id2 + "/layer.tar\"]}]";
    Path archive = dir.resolve(gzip ? "save.tar.gz" : "save.tar");
    OutputStream file = Files.newOutputStream(archive);
    try (TarWriter tar = new TarWriter(gzip ? new GZIPOutputStream(file) : file)) {
      tar.directory(id1);
      tar.file(id1 + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
      tar.file(id1 + "/layer.tar", layer);
      tar.directory(id2);
      tar.symlink(id2 + "/layer.tar", "../" + id1 + "/layer.tar");
      tar.file(configName, config);
      tar.file("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
      tar.file("repositories", ("{\"myapp\":{\"1.0\":\"" + id2 + "\"}}").getBytes(StandardCharsets.UTF_8));
    }
    return archive;
  }

  private static Map<String, byte[]> untar(Path archive) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (InputStream in = Files.newInputStream(archive); TarReader tar = new TarReader(in)) {
      TarReader.Entry e;
      while ((e = tar.next()) != null) {
        if (e.isFile()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          tar.content().transferTo(out);
          files.put(e.name(), out.toByteArray());
        }
      }
    }
    return files;
  }

  private static List<String> blobs(ImageStore store) throws IOException {
    try (Stream<Path> s = Files.walk(store.root().resolve("blobs"))) {
      return s.filter(Files::isRegularFile).map(p -> store.root().relativize(p).toString()).sorted().toList();
    }
  }

  private static List<Path> files(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> !p.getFileName().toString().equals(".lock")).sorted().forEach(out::add);
    }
    return out;
  }
}
