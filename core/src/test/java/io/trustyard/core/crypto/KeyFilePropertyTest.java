package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties: key files and PEM blocks round-trip for random keys, names and passphrases. */
class KeyFilePropertyTest {
  private static final long SEED = 0x6b657966696c65L;
  private static final String ALPHABET = "abcxyz019-_./:ÄéΩ✓😀 \"\\";

  private static String randomText(Random random, int maxLength, boolean allowEmpty) {
    int length = random.nextInt(maxLength) + (allowEmpty ? 0 : 1);
    StringBuilder sb = new StringBuilder();
    while (sb.codePointCount(0, sb.length()) < length) {
      sb.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
    }
    return sb.toString().strip().isEmpty() ? "x" : sb.toString().strip();
  }

  static Stream<Arguments> keyFiles() {
    Random random = new Random(SEED);
    List<Arguments> cases = new ArrayList<>();
    KeyType[] types = {KeyType.ECDSA, KeyType.ED25519, KeyType.RSA};
    for (int i = 0; i < 18; i++) {
      String gun = random.nextBoolean() ? null : randomText(random, 40, false);
      cases.add(Arguments.of(types[i % 3], randomText(random, 20, false), gun, randomText(random, 30, false), random.nextLong()));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("keyFiles")
  void keyFilesRoundTrip(KeyType type, String role, String gun, String passphrase, long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    TufPrivateKey key = type == KeyType.RSA ? RsaKeys.shared() : TufKeys.generate(type, random);

    byte[] encrypted = EncryptedKeyFiles.write(key, role, gun, passphrase.toCharArray(), random);
    EncryptedKeyFiles.KeyFile expected = new EncryptedKeyFiles.KeyFile(key, role, Optional.ofNullable(gun));
    assertThat(EncryptedKeyFiles.read(encrypted, passphrase.toCharArray())).isEqualTo(expected);
    assertThat(EncryptedKeyFiles.headers(encrypted)).containsEntry("role", role);
    assertThatThrownBy(() -> EncryptedKeyFiles.read(encrypted, (passphrase + "!").toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
    assertThat(EncryptedKeyFiles.read(EncryptedKeyFiles.writeUnencrypted(key, role, gun), null)).isEqualTo(expected);
    assertThat(TufPrivateKey.fromPrivateBytes(type.wireName(), key.publicKey().publicBytes(), key.privateBytes()))
        .isEqualTo(key);
  }

  static Stream<Arguments> pemBlocks() {
    Random random = new Random(SEED + 1);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] der = new byte[random.nextInt(400)];
      random.nextBytes(der);
      Map<String, String> headers = new LinkedHashMap<>();
      int n = random.nextInt(4);
      for (int h = 0; h < n; h++) {
        headers.put("h" + random.nextInt(100), randomText(random, 30, false));
      }
      cases.add(Arguments.of(der, headers, random.nextBoolean()));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("pemBlocks")
  void pemBlocksRoundTripThroughGosLayout(byte[] der, Map<String, String> headers, boolean crlf) {
    byte[] pem = Pem.encode("SOME TYPE", headers, der);
    String text = new String(pem, java.nio.charset.StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (!line.contains(":")) {
        assertThat(line.length()).isLessThanOrEqualTo(64);
      }
    }
    if (crlf) {
      pem = text.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    byte[] twice = new byte[pem.length * 2 + 10];
    System.arraycopy(pem, 0, twice, 0, pem.length);
    twice[pem.length] = 'x';
    twice[pem.length + 1] = '\n';
    System.arraycopy(pem, 0, twice, pem.length + 2, pem.length);
    List<PemBlock> blocks = Pem.decodeAll(java.util.Arrays.copyOf(twice, pem.length * 2 + 2));
    assertThat(blocks).hasSize(2);
    for (PemBlock block : blocks) {
      assertThat(block).isEqualTo(new PemBlock("SOME TYPE", headers, der));
    }
  }
}
