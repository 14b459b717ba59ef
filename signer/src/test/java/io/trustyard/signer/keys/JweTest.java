package io.trustyard.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JweTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  static Stream<byte[]> payloads() {
    Random seeded = new Random(20261122);
    return IntStream.range(0, 40).mapToObj(i -> {
      byte[] b = new byte[seeded.nextInt(600)];
      seeded.nextBytes(b);
      return b;
    });
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void roundTripsAnyPayload(byte[] payload) throws Exception {
    String token = Jwe.encrypt(payload, "pässwörd".toCharArray(), RANDOM);
    assertThat(Jwe.decrypt(token, "pässwörd".toCharArray())).isEqualTo(payload);
  }

  @Test
  void writesTheHeaderJose2goWrites() {
    String token = Jwe.encrypt(new byte[] {1, 2, 3}, "p".toCharArray(), RANDOM);
    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(5);
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    assertThat(header).matches("\\{\"alg\":\"PBES2-HS256\\+A128KW\",\"enc\":\"A256GCM\",\"p2c\":8192,\"p2s\":\"[A-Za-z0-9_-]{16}\"}");
    assertThat(Base64.getUrlDecoder().decode(parts[1])).hasSize(40); // AES-KW of a 32-byte CEK
    assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(12);
    assertThat(Base64.getUrlDecoder().decode(parts[4])).hasSize(16);
    assertThat(token).doesNotContain("=");
  }

  @Test
  void refusesAWrongPassphraseAndTampering() {
    String token = Jwe.encrypt("secret key bytes".getBytes(StandardCharsets.UTF_8), "right".toCharArray(), RANDOM);
    assertThatThrownBy(() -> Jwe.decrypt(token, "wrong".toCharArray()))
        .isInstanceOf(Jwe.JweException.class).hasMessageContaining("passphrase");

    String[] parts = token.split("\\.");
    byte[] cipher = Base64.getUrlDecoder().decode(parts[3]);
    cipher[0] ^= 1;
    String tampered = String.join(".", parts[0], parts[1], parts[2],
        Base64.getUrlEncoder().withoutPadding().encodeToString(cipher), parts[4]);
    assertThatThrownBy(() -> Jwe.decrypt(tampered, "right".toCharArray()))
        .isInstanceOf(Jwe.JweException.class).hasMessageContaining("integrity");

    String otherHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"dir\",\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Jwe.decrypt(otherHeader + token.substring(token.indexOf('.')), "right".toCharArray()))
        .isInstanceOf(Jwe.JweException.class).hasMessageContaining("unsupported");
    assertThatThrownBy(() -> Jwe.decrypt("a.b.c", "right".toCharArray())).isInstanceOf(Jwe.JweException.class);
    assertThatThrownBy(() -> Jwe.decrypt("!!.b.c.d.e", "right".toCharArray())).isInstanceOf(Jwe.JweException.class);
  }

  @Test
  void refusesHugeIterationCounts() {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A256GCM\",\"p2c\":2000000000,\"p2s\":\"AAAAAAAAAAAAAAAA\"}"
            .getBytes(StandardCharsets.UTF_8));
    String token = Jwe.encrypt(new byte[] {1}, "p".toCharArray(), RANDOM);
    assertThatThrownBy(() -> Jwe.decrypt(header + token.substring(token.indexOf('.')), "p".toCharArray()))
        .isInstanceOf(Jwe.JweException.class).hasMessageContaining("p2c");
  }
}
