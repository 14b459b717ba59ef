package io.trustyard.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.crypto.TufPrivateKey;
import io.trustyard.core.crypto.TufSignatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key row as the real notary-signer stored it: our JWE code opens it without notary running. */
class NotarySignerRowTest {

  @Test
  void opensAKeyNotarySignerEncrypted() throws Exception {
    List<String> row = row();
    String keyId = row.get(0);
    byte[] publicBytes = Base64.getDecoder().decode(row.get(2));
    String jwe = row.get(3);

    byte[] privateBytes = Jwe.decrypt(jwe, "interop passphrase".toCharArray());
    TufPrivateKey key = TufPrivateKey.fromPrivateBytes(row.get(1), publicBytes, privateBytes);
    assertThat(key.id()).isEqualTo(keyId);
    byte[] message = "{\"signed\":{}}".getBytes(StandardCharsets.UTF_8);
    assertThat(TufSignatures.verify(key.publicKey(), "ecdsa", TufSignatures.sign(key, message), message)).isTrue();

    String header = new String(Base64.getUrlDecoder().decode(jwe.substring(0, jwe.indexOf('.'))), StandardCharsets.UTF_8);
    assertThat(header).matches("\\{\"alg\":\"PBES2-HS256\\+A128KW\",\"enc\":\"A256GCM\",\"p2c\":8192,\"p2s\":\"[A-Za-z0-9_-]{16}\"}");
    assertThatThrownBy(() -> Jwe.decrypt(jwe, "another passphrase".toCharArray())).isInstanceOf(Jwe.JweException.class);
  }

  private static List<String> row() throws IOException {
    try (InputStream in = NotarySignerRowTest.class.getResourceAsStream("/vectors/notary-signer-row.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
    }
  }
}
