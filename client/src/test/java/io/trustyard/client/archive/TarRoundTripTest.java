package io.trustyard.client.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TarRoundTripTest {

  static Stream<Long> seeds() {
    return IntStream.range(0, 60).mapToObj(i -> 0x7a5L * 31 + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void whatIsWrittenIsReadBack(long seed) throws IOException {
    Random random = new Random(seed);
    Map<String, byte[]> files = new LinkedHashMap<>();
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      int depth = 1 + random.nextInt(random.nextBoolean() ? 3 : 12);
      StringBuilder name = new StringBuilder();
      for (int d = 0; d < depth; d++) {
        name.append(d == 0 ? "" : "/").append("dir").append(random.nextInt(1000)).append("-é");
      }
      name.append("/f").append(i);
      byte[] content = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(3000)];
      random.nextBytes(content);
      files.put(name.toString(), content);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        tar.file(e.getKey(), e.getValue());
      }
    }
    assertThat(out.size() % 512).isZero();
    Map<String, byte[]> read = new LinkedHashMap<>();
    try (TarReader tar = new TarReader(new ByteArrayInputStream(out.toByteArray()))) {
      TarReader.Entry e;
      while ((e = tar.next()) != null) {
        assertThat(e.isFile()).isTrue();
        read.put(e.name(), tar.content().readAllBytes());
      }
    }
    assertThat(read.keySet()).containsExactlyElementsOf(files.keySet());
    files.forEach((k, v) -> assertThat(read.get(k)).isEqualTo(v));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aCorruptedHeaderIsRefused(long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarWriter tar = new TarWriter(out)) {
      tar.file("name", new byte[10]);
    }
    byte[] bytes = out.toByteArray();
    Random random = new Random(seed);
    int at = random.nextInt(148);
    bytes[at] = (byte) (bytes[at] + 1 + random.nextInt(200));
    assertThatThrownBy(() -> {
      try (TarReader tar = new TarReader(new ByteArrayInputStream(bytes))) {
        tar.next();
      }
    }).isInstanceOf(IOException.class).hasMessageContaining("checksum");
  }
}
