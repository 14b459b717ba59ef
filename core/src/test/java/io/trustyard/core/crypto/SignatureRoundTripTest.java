package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property test: every key type signs, verifies its own signature and rejects any alteration. */
class SignatureRoundTripTest {
  private static final long SEED = 0x7275737479617264L;

  static Stream<Arguments> cases() {
    Random random = new Random(SEED);
    List<Arguments> cases = new ArrayList<>();
    KeyType[] types = {KeyType.ECDSA, KeyType.ED25519, KeyType.RSA};
    for (int i = 0; i < 24; i++) {
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(message);
      cases.add(Arguments.of(types[i % types.length], message, random.nextLong()));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void signThenVerify(KeyType type, byte[] message, long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    TufPrivateKey key = type == KeyType.RSA ? RsaKeys.shared() : TufKeys.generate(type, random);
    byte[] signature = TufSignatures.sign(key, message);
    TufPublicKey pub = key.publicKey();

    assertThat(key.signatureMethod()).isEqualTo(type.signatureMethod());
    assertThat(signature).hasSize(switch (type) {
      case ECDSA, ED25519 -> 64;
      default -> 256;
    });
    assertThat(TufSignatures.verify(pub, key.signatureMethod(), signature, message)).isTrue();
    assertThat(TufSignatures.verify(pub, key.signatureMethod().toUpperCase(), signature, message)).isTrue();

    Random flips = new Random(seed);
    byte[] tamperedMessage = message.clone();
    if (tamperedMessage.length == 0) {
      tamperedMessage = new byte[] {0};
    } else {
      tamperedMessage[flips.nextInt(tamperedMessage.length)] ^= (byte) (1 << flips.nextInt(8));
    }
    assertThat(TufSignatures.verify(pub, key.signatureMethod(), signature, tamperedMessage)).isFalse();
    byte[] tamperedSignature = signature.clone();
    tamperedSignature[flips.nextInt(signature.length)] ^= (byte) (1 << flips.nextInt(8));
    assertThat(TufSignatures.verify(pub, key.signatureMethod(), tamperedSignature, message)).isFalse();

    // Private bytes survive the signer-database round trip and still sign verifiably.
    TufPrivateKey restored = TufPrivateKey.fromPrivateBytes(pub.keyType(), pub.publicBytes(), key.privateBytes());
    assertThat(restored.publicKey()).isEqualTo(pub);
    assertThat(TufSignatures.verify(pub, key.signatureMethod(), TufSignatures.sign(restored, message), message)).isTrue();
  }
}
