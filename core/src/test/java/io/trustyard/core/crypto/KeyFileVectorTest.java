package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The encrypted key files written by the Go notary CLI (vectors/notary/trust_dir/private). */
class KeyFileVectorTest {
  static Iterable<String> keyIds() {
    return Vectors.PRIVATE_KEYS.keySet();
  }

  private static char[] passphrase(String id) {
    return Vectors.PRIVATE_KEYS.get(id)[0].toCharArray();
  }

  @ParameterizedTest
  @MethodSource("keyIds")
  void decryptsWithItsPassphraseAndIsFiledUnderItsCanonicalId(String id) {
    byte[] file = Vectors.privateKeyFile(id);
    EncryptedKeyFiles.KeyFile keyFile = EncryptedKeyFiles.read(file, passphrase(id));

    assertThat(keyFile.key().publicKey().canonicalId()).isEqualTo(id);
    assertThat(keyFile.key().type()).isEqualTo(KeyType.ECDSA);
    assertThat(keyFile.role()).isEqualTo(Vectors.PRIVATE_KEYS.get(id)[1]);
    assertThat(keyFile.gun()).isEqualTo(Optional.ofNullable(Vectors.PRIVATE_KEYS.get(id)[2]));
    assertThat(EncryptedKeyFiles.headers(file)).containsEntry("role", keyFile.role());
    assertThat(EncryptedKeyFiles.isEncrypted(file)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("keyIds")
  void reEncryptingWithTheFilesSaltAndIvReproducesTheGoFileByteForByte(String id) {
    byte[] file = Vectors.privateKeyFile(id);
    EncryptedKeyFiles.KeyFile keyFile = EncryptedKeyFiles.read(file, passphrase(id));
    ASN1Sequence info = (ASN1Sequence) KeyMaterial.parse(Pem.decodeFirst(file).bytes());
    ASN1Sequence pbes2 = (ASN1Sequence) ((ASN1Sequence) info.getObjectAt(0)).getObjectAt(1);
    byte[] salt = ((ASN1OctetString) ((ASN1Sequence) ((ASN1Sequence) pbes2.getObjectAt(0)).getObjectAt(1))
        .getObjectAt(0)).getOctets();
    byte[] iv = ((ASN1OctetString) ((ASN1Sequence) pbes2.getObjectAt(1)).getObjectAt(1)).getOctets();

    byte[] rewritten = EncryptedKeyFiles.write(keyFile.key(), keyFile.role(), keyFile.gun().orElse(null),
        passphrase(id), new FixedRandom(salt, iv));

    assertThat(new String(rewritten, StandardCharsets.US_ASCII)).isEqualTo(new String(file, StandardCharsets.US_ASCII));
  }

  @ParameterizedTest
  @MethodSource("keyIds")
  void wrongPassphraseIsANamedErrorNeverAKey(String id) {
    byte[] file = Vectors.privateKeyFile(id);
    for (String wrong : new String[] {"wrongpassphrase", Vectors.PRIVATE_KEYS.get(id)[0] + "x", "ROOTPASSPHRASE", "a"}) {
      assertThatThrownBy(() -> EncryptedKeyFiles.read(file, wrong.toCharArray()))
          .isInstanceOf(WrongPassphraseException.class);
    }
    assertThatThrownBy(() -> EncryptedKeyFiles.read(file, new char[0])).isInstanceOf(WrongPassphraseException.class);
  }

  @ParameterizedTest
  @MethodSource("keyIds")
  void reEncryptedWithFreshRandomnessDecryptsAgainWithNotarysLayout(String id) {
    EncryptedKeyFiles.KeyFile keyFile = EncryptedKeyFiles.read(Vectors.privateKeyFile(id), passphrase(id));
    byte[] rewritten = EncryptedKeyFiles.write(keyFile.key(), keyFile.role(), keyFile.gun().orElse(null),
        "another passphrase".toCharArray(), new SecureRandom());

    EncryptedKeyFiles.KeyFile again = EncryptedKeyFiles.read(rewritten, "another passphrase".toCharArray());
    assertThat(again).isEqualTo(keyFile);
    String text = new String(rewritten, StandardCharsets.US_ASCII);
    String expectedHeaders = keyFile.gun().map(g -> "gun: " + g + "\n").orElse("") + "role: " + keyFile.role() + "\n\n";
    assertThat(text).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + expectedHeaders)
        .endsWith("\n-----END ENCRYPTED PRIVATE KEY-----\n");
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      assertThat(lines[i].length()).as("line %d", i).isLessThanOrEqualTo(64);
    }
    assertThat(EncryptedKeyFiles.headers(rewritten).keySet())
        .containsExactlyElementsOf(keyFile.gun().isPresent() ? java.util.List.of("gun", "role") : java.util.List.of("role"));
  }

  @ParameterizedTest
  @MethodSource("keyIds")
  void theRootKeyFilePairsWithTheRootCertificate(String id) {
    EncryptedKeyFiles.KeyFile keyFile = EncryptedKeyFiles.read(Vectors.privateKeyFile(id), passphrase(id));
    var root = Vectors.metadata("root").get("signed");
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : root.get("keys").properties()) {
      TufPublicKey pub = Vectors.key(e.getValue());
      if (pub.canonicalId().equals(id)) {
        TufPrivateKey paired = keyFile.key().withPublicKey(pub);
        assertThat(paired.id()).isEqualTo(e.getKey());
        assertThat(paired.signatureMethod()).isEqualTo("ecdsa");
      } else {
        assertThatThrownBy(() -> keyFile.key().withPublicKey(pub)).isInstanceOf(MalformedKeyException.class);
      }
    }
  }
}
