package io.trustyard.trustserver.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.trustserver.testing.Multipart;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MultipartFormTest {

  @Test
  void boundaryOnlyForMultipartTypes() {
    assertThat(MultipartForm.boundary("multipart/form-data; boundary=abc")).contains("abc");
    assertThat(MultipartForm.boundary("Multipart/Form-Data; boundary=\"a b\"")).contains("a b");
    assertThat(MultipartForm.boundary("multipart/mixed; boundary=x")).contains("x");
    assertThat(MultipartForm.boundary("application/json")).isEmpty();
    assertThat(MultipartForm.boundary("multipart/form-data")).isEmpty();
    assertThat(MultipartForm.boundary("multipart/form-data; boundary=")).isEmpty();
    assertThat(MultipartForm.boundary(null)).isEmpty();
  }

  @Test
  void keepsTheRawFilenameWithSlashes() throws Exception {
    byte[] body = new Multipart().file("targets/releases", "{\"a\":1}".getBytes(UTF_8))
        .part("Content-Disposition: form-data; name=\"files\"; filename=\"root.json\"\r\n", "r\r\n".getBytes(UTF_8))
        .part("Content-Disposition: form-data; name=\"files\"\r\n", new byte[0])
        .part("X-Other: 1\r\n", new byte[] {1})
        .part("Content-Disposition: form-data; filename=\"unterminated\r\n", new byte[] {2})
        .build();
    List<MultipartForm.Part> parts = MultipartForm.parse(body, Multipart.BOUNDARY);
    assertThat(parts).extracting(MultipartForm.Part::filename)
        .containsExactly(Optional.of("targets/releases"), Optional.of("root.json"), Optional.empty(), Optional.empty(),
            Optional.empty());
    assertThat(parts).extracting(MultipartForm.Part::dispositionValid).containsExactly(true, true, true, false, false);
    assertThat(parts.get(0).body()).isEqualTo("{\"a\":1}".getBytes(UTF_8));
    assertThat(parts.get(1).body()).isEqualTo("r\r\n".getBytes(UTF_8));
  }

  @Test
  void truncatedBodiesAreMalformed() {
    byte[] body = new Multipart().file("root", "{}".getBytes(UTF_8)).build();
    for (int cut : new int[] {0, 10, 70, body.length - ("--" + Multipart.BOUNDARY + "--\r\n").length()}) {
      byte[] truncated = java.util.Arrays.copyOf(body, cut);
      assertThatThrownBy(() -> MultipartForm.parse(truncated, Multipart.BOUNDARY)).as("cut at " + cut)
          .isInstanceOf(MultipartForm.MalformedException.class);
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, 100);
  }

  /** Random binary contents (which may contain CR, LF and dashes) come back byte for byte. */
  @ParameterizedTest
  @MethodSource("seeds")
  void binaryContentRoundTrips(int seed) throws Exception {
    Random random = new Random(seed);
    Multipart m = new Multipart();
    int n = 1 + random.nextInt(4);
    byte[][] contents = new byte[n][];
    for (int i = 0; i < n; i++) {
      contents[i] = new byte[random.nextInt(300)];
      for (int k = 0; k < contents[i].length; k++) {
        contents[i][k] = (byte) "\r\n-ab{}\"".charAt(random.nextInt(8));
      }
      m.file("targets/r" + i, contents[i]);
    }
    List<MultipartForm.Part> parts = MultipartForm.parse(m.build(), Multipart.BOUNDARY);
    assertThat(parts).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(parts.get(i).body()).isEqualTo(contents[i]);
      assertThat(parts.get(i).filename()).contains("targets/r" + i);
    }
  }
}
