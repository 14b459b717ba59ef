package io.trustyard.cli.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.client.image.ProgressListener;
import io.trustyard.client.store.ImageStore;
import io.trustyard.client.testing.DockerRegistry;
import io.trustyard.client.testing.TestImages;
import io.trustyard.core.digest.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program's output: progress bars when its standard output is a terminal (a pty made by
 * {@code script}), plain lines without escape codes when it is a pipe.
 */
class ProgressTerminalTest {

  @TempDir Path dir;

  record Output(int code, String text) {}

  /** Runs {@code trustyard args} with stdout to a pipe, or under {@code script} (a pty) when {@code pty}. */
  private Output trustyard(boolean pty, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        "io.trustyard.cli.Main"));
    command.addAll(List.of(args));
    if (pty) {
      String line = String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
      command = List.of("script", "-qec", line, "/dev/null");
    }
    Path out = dir.resolve("out-" + System.nanoTime());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().put("TERM", "xterm");
    pb.environment().remove("TRUSTYARD_PROGRESS");
    pb.environment().remove("DOCKER_CONTENT_TRUST");
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("trustyard did not finish: " + Files.readString(out));
    }
    return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  @Test
  void barsOnATerminalAndPlainLinesInAPipe() throws Exception {
    try (DockerRegistry registry = DockerRegistry.start(dir.resolve("reg"), null)) {
      TestImages.Built image = TestImages.image("linux", "amd64", List.of(TestImages.layer("a", 400_000, 1),
          TestImages.layer("b", 300_000, 2)));
      String remote = registry.host() + "/progress/app:1";
      TestImages.store(ImageStore.open(dir.resolve("a")), remote, image);
      List<String> ids = new ArrayList<>();
      for (byte[] layer : image.layers()) {
        ids.add(ProgressListener.shortId(Digest.sha256(layer)));
      }
      String config = ProgressListener.shortId(Digest.sha256(image.config()));

      Output push = trustyard(true, "image", "push", "--store=" + dir.resolve("a"), remote);
      assertThat(push.code()).as(push.text()).isZero();
      assertThat(push.text()).contains(ProgressDisplay.ESC + "2K").contains(ids.get(0) + ": Pushing [");
      assertThat(ProgressDisplayTest.Screen.of(push.text())).containsExactly(
          "The push refers to repository [" + registry.host() + "/progress/app]",
          ids.get(0) + ": Pushed",
          ids.get(1) + ": Pushed",
          config + ": Pushed",
          "1: digest: " + image.digest() + " size: " + image.manifest().length);

      Output pull = trustyard(false, "image", "pull", "--store=" + dir.resolve("b"), remote);
      assertThat(pull.code()).as(pull.text()).isZero();
      assertThat(pull.text()).doesNotContain("\u001b").doesNotContain("\r").isEqualTo(String.join("\n",
          "Digest: " + image.digest(),
          "Status: Downloaded newer image for " + remote,
          remote, ""));

      Output again = trustyard(true, "image", "pull", "--store=" + dir.resolve("b"), remote);
      assertThat(ProgressDisplayTest.Screen.of(again.text())).containsExactly(
          "1: Pulling from progress/app",
          config + ": Already exists",
          ids.get(0) + ": Already exists",
          ids.get(1) + ": Already exists",
          "Digest: " + image.digest(),
          "Status: Image is up to date for " + remote,
          remote);
    }
  }
}
