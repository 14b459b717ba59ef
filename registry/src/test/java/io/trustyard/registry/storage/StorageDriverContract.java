package io.trustyard.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one contract every {@link StorageDriver} passes. */
public abstract class StorageDriverContract {

  /** A fresh, empty storage. */
  protected abstract StorageDriver driver() throws Exception;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void putGetStatAndOverwrite() throws Exception {
    StorageDriver d = driver();
    d.putContent("/a/b/c", bytes("hello"));
    assertThat(d.getContent("/a/b/c", 100)).isEqualTo(bytes("hello"));
    FileInfo info = d.stat("/a/b/c");
    assertThat(info.size()).isEqualTo(5);
    assertThat(info.directory()).isFalse();
    d.putContent("/a/b/c", bytes("bye"));
    assertThat(d.getContent("/a/b/c", 100)).isEqualTo(bytes("bye"));
    assertThat(d.stat("/a/b/c").version()).isNotEqualTo(info.version());
    assertThat(d.stat("/a/b").directory()).isTrue();
  }

  @Test
  void missingPathsThrowPathNotFound() throws Exception {
    StorageDriver d = driver();
    assertThatThrownBy(() -> d.stat("/nope")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> d.getContent("/nope", 10)).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> d.open("/nope")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> d.list("/nope")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> d.delete("/nope")).isInstanceOf(PathNotFoundException.class);
    assertThatThrownBy(() -> d.move("/nope", "/x")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void getContentIsBounded() throws Exception {
    StorageDriver d = driver();
    d.putContent("/big", new byte[100]);
    assertThatThrownBy(() -> d.getContent("/big", 99)).isInstanceOf(IOException.class)
        .isNotInstanceOf(PathNotFoundException.class);
  }

  @Test
  void pathsThatEscapeAreRejected() throws Exception {
    StorageDriver d = driver();
    for (String bad : new String[] {"relative", "/a/../b", "/a//b", "/a/./b", "/a/", ""}) {
      assertThatThrownBy(() -> d.putContent(bad, bytes("x"))).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void writerAppendsAcrossWritersAndReadersSeekAndTransfer() throws Exception {
    StorageDriver d = driver();
    Random random = new Random(42);
    byte[] content = new byte[300_000];
    random.nextBytes(content);
    try (StorageWriter w = d.writer("/up/data", false)) {
      w.write(ByteBuffer.wrap(content, 0, 100_000));
      assertThat(w.size()).isEqualTo(100_000);
    }
    try (StorageWriter w = d.writer("/up/data", true)) {
      assertThat(w.size()).isEqualTo(100_000);
      w.write(ByteBuffer.wrap(content, 100_000, 200_000));
      assertThat(w.size()).isEqualTo(300_000);
    }
    assertThat(d.stat("/up/data").size()).isEqualTo(300_000);
    try (ReadHandle h = d.open("/up/data")) {
      assertThat(h.info().size()).isEqualTo(300_000);
      try (InputStream in = h.stream(123_456)) {
        byte[] tail = in.readAllBytes();
        assertThat(tail).hasSize(300_000 - 123_456);
        assertThat(tail[0]).isEqualTo(content[123_456]);
      }
      ByteArrayOutputStream slice = new ByteArrayOutputStream();
      h.transferTo(1000, 50_000, slice);
      byte[] expected = new byte[50_000];
      System.arraycopy(content, 1000, expected, 0, expected.length);
      assertThat(slice.toByteArray()).isEqualTo(expected);
    }
    try (StorageWriter w = d.writer("/up/data", false)) {
      assertThat(w.size()).isZero();
    }
    StorageWriter gone = d.writer("/up/other", false);
    gone.write(ByteBuffer.wrap(bytes("x")));
    gone.cancel();
    assertThatThrownBy(() -> d.stat("/up/other")).isInstanceOf(PathNotFoundException.class);
  }

  @Test
  void openHandleKeepsItsVersion() throws Exception {
    StorageDriver d = driver();
    d.putContent("/f", bytes("original"));
    try (ReadHandle h = d.open("/f")) {
      d.putContent("/f", bytes("replaced!"));
      assertThat(h.info().version()).isNotEqualTo(d.stat("/f").version());
      // the version that was opened, or an error: never the other version's bytes
      try (InputStream in = h.stream(0)) {
        assertThat(in.readAllBytes()).isEqualTo(bytes("original"));
      } catch (IOException e) {
        assertThat(e).isNotInstanceOf(PathNotFoundException.class);
      }
    }
  }

  @Test
  void largeAppendsKeepEveryByte() throws Exception {
    StorageDriver d = driver();
    Random random = new Random(5);
    byte[] content = new byte[13 * 1024 * 1024];
    random.nextBytes(content);
    int[] cuts = {0, 3 * 1024 * 1024, 9 * 1024 * 1024, content.length};
    for (int i = 0; i + 1 < cuts.length; i++) {
      try (StorageWriter w = d.writer("/big/data", i > 0)) {
        w.write(ByteBuffer.wrap(content, cuts[i], cuts[i + 1] - cuts[i]));
        assertThat(w.size()).isEqualTo(cuts[i + 1]);
      }
    }
    try (ReadHandle h = d.open("/big/data"); InputStream in = h.stream(0)) {
      assertThat(h.info().size()).isEqualTo(content.length);
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void listMoveDelete() throws Exception {
    StorageDriver d = driver();
    d.putContent("/r/b/x", bytes("1"));
    d.putContent("/r/a", bytes("2"));
    d.putContent("/r/c/d/e", bytes("3"));
    assertThat(d.list("/r")).containsExactly("/r/a", "/r/b", "/r/c");
    d.move("/r/a", "/r/b/x");
    assertThat(d.getContent("/r/b/x", 10)).isEqualTo(bytes("2"));
    assertThat(d.list("/r")).containsExactly("/r/b", "/r/c");
    d.move("/r/b/x", "/s/new/place");
    assertThat(d.getContent("/s/new/place", 10)).isEqualTo(bytes("2"));
    d.delete("/r/c");
    assertThatThrownBy(() -> d.stat("/r/c/d/e")).isInstanceOf(PathNotFoundException.class);
    d.delete("/s/new/place");
    assertThatThrownBy(() -> d.getContent("/s/new/place", 10)).isInstanceOf(PathNotFoundException.class);
  }
}
