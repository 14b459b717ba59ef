package io.trustyard.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  static final String EMPTY = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void knownVectors() {
    assertThat(Digest.sha256(new byte[0]).toString()).isEqualTo(EMPTY);
    assertThat(Digest.sha256("{}".getBytes(StandardCharsets.UTF_8)).toString())
        .isEqualTo("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    assertThat(Digest.compute(DigestAlgorithm.SHA512, new byte[0]).toString()).isEqualTo("sha512:"
        + "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
        + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  }

  @Test
  void parseRoundTrips() {
    Digest d = Digest.parse(EMPTY);
    assertThat(d.algorithm()).isEqualTo(DigestAlgorithm.SHA256);
    assertThat(d.toString()).isEqualTo(EMPTY);
    assertThat(d.matches(new byte[0])).isTrue();
    assertThat(d.matches(new byte[1])).isFalse();
    assertThat(Digest.of(DigestAlgorithm.SHA256, d.bytes())).isEqualTo(d);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sha256", "sha256:", ":abc", "sha256:totallywrong",
      "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
      "SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "sha256:../../../etc/passwd", "sha512:abcd"})
  void rejectsMalformed(String s) {
    assertThatThrownBy(() -> Digest.parse(s)).isInstanceOf(InvalidDigestException.class)
        .satisfies(e -> assertThat(((InvalidDigestException) e).unsupportedAlgorithm()).isFalse());
    assertThat(Digest.isValid(s)).isFalse();
  }

  @Test
  void grammaticalButUnknownAlgorithmIsReportedAsUnsupported() {
    assertThatThrownBy(() -> Digest.parse("blake3:abcdef"))
        .isInstanceOfSatisfying(InvalidDigestException.class, e -> assertThat(e.unsupportedAlgorithm()).isTrue())
        .hasMessageContaining("blake3");
  }

  @Test
  void rejectsOverlongInputBeforeMatching() {
    assertThatThrownBy(() -> Digest.parse("sha256:" + "a".repeat(10_000))).hasMessageContaining("longer");
  }

  static IntStream seeds() {
    return IntStream.range(0, 50);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void streamingEqualsOneShot(int seed) throws IOException {
    Random random = new Random(seed);
    byte[] content = new byte[random.nextInt(100_000)];
    random.nextBytes(content);
    DigestAlgorithm alg = random.nextBoolean() ? DigestAlgorithm.SHA256 : DigestAlgorithm.SHA512;
    Digest expected = Digest.compute(alg, content);

    Digester pieces = Digester.of(alg);
    int off = 0;
    while (off < content.length) {
      int n = Math.min(content.length - off, 1 + random.nextInt(5000));
      if (random.nextBoolean()) {
        pieces.update(content, off, n);
      } else {
        pieces.update(ByteBuffer.wrap(content, off, n));
      }
      off += n;
    }
    assertThat(pieces.digest()).isEqualTo(expected);
    assertThat(pieces.count()).isEqualTo(content.length);

    DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(content), Digester.of(alg));
    assertThat(in.readAllBytes()).isEqualTo(content);
    assertThat(in.digester().digest()).isEqualTo(expected);

    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    DigestingOutputStream out = new DigestingOutputStream(sink, Digester.of(alg));
    out.write(content);
    assertThat(out.digester().digest()).isEqualTo(expected);
    assertThat(sink.toByteArray()).isEqualTo(content);
  }

  @Test
  void copyContinuesIndependently() {
    Digester a = Digester.sha256().update("ab".getBytes(StandardCharsets.UTF_8));
    Digester b = a.copy();
    a.update("c".getBytes(StandardCharsets.UTF_8));
    assertThat(b.digest()).isEqualTo(Digest.sha256("ab".getBytes(StandardCharsets.UTF_8)));
    assertThat(a.digest()).isEqualTo(Digest.sha256("abc".getBytes(StandardCharsets.UTF_8)));
    // digest() does not finish the digester
    assertThat(a.digest()).isEqualTo(a.digest());
  }
}
