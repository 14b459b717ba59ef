package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyIdTest {
  @Test
  void ed25519VectorFromTheSpec() {
    TufPublicKey key = new TufPublicKey("ed25519",
        Base64.getDecoder().decode("HbxhhLk3aAk7uQdTdPAl0iNahxajFnevm9iFt4uagWM="));
    assertThat(key.id()).isEqualTo("38118e9161a8523c5dd5e3f3924a222db88bd4208e5b897ae1f42b800cd1e98a");
    assertThat(key.canonicalId()).isEqualTo(key.id());
    assertThat(key.type()).contains(KeyType.ED25519);
  }

  @Test
  void everyKeyInTheVectorMetadataHasTheIdItIsListedUnder() {
    int checked = 0;
    for (String role : new String[] {"root", "targets"}) {
      JsonNode signed = Vectors.metadata(role).get("signed");
      JsonNode keys = role.equals("root") ? signed.get("keys") : signed.get("delegations").get("keys");
      for (Map.Entry<String, JsonNode> e : keys.properties()) {
        assertThat(Vectors.key(e.getValue()).id()).isEqualTo(e.getKey());
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(5);
  }

  @Test
  void rootCertificateKeyHasTheBareKeyIdOfItsPrivateKeyFileAsCanonicalId() {
    JsonNode root = Vectors.metadata("root").get("signed");
    String rootKeyId = root.get("roles").get("root").get("keyids").get(0).textValue();
    TufPublicKey key = Vectors.key(root.get("keys").get(rootKeyId));
    assertThat(key.id()).startsWith(Vectors.ROOT_KEY_ID).isEqualTo(rootKeyId);
    assertThat(key.type()).contains(KeyType.ECDSA_X509);
    assertThat(new String(key.publicBytes(), StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    assertThat(key.canonicalId()).isEqualTo("9a5e4ba9d5127507b4e88974387ad3714e73e0dc870844b75d5c7e149ad182af");
    TufPublicKey bare = TufKeys.fromJca(KeyType.ECDSA, TufKeys.toJca(key));
    assertThat(bare.id()).isEqualTo(key.canonicalId());
  }

  @Test
  void keyTypeIsEscapedCanonicallyAndUnknownTypesStillHaveIds() {
    TufPublicKey odd = new TufPublicKey("we\"ird\\", new byte[] {1, 2, 3});
    String json = "{\"keytype\":\"we\\\"ird\\\\\",\"keyval\":{\"private\":null,\"public\":\"AQID\"}}";
    assertThat(odd.id()).isEqualTo(java.util.HexFormat.of().formatHex(TufPublicKey.sha256(json.getBytes(StandardCharsets.UTF_8))));
    assertThat(odd.type()).isEmpty();
    assertThat(odd.canonicalId()).isEqualTo(odd.id());
  }

  @Test
  void publicKeysAreValuesAndDefensivelyCopied() {
    byte[] raw = {1, 2, 3};
    TufPublicKey a = new TufPublicKey(KeyType.ED25519, raw);
    raw[0] = 9;
    assertThat(a).isEqualTo(new TufPublicKey("ed25519", new byte[] {1, 2, 3})).hasSameHashCodeAs(
        new TufPublicKey("ed25519", new byte[] {1, 2, 3}));
    a.publicBytes()[1] = 9;
    assertThat(a.publicBytes()).containsExactly(1, 2, 3);
    assertThat(a).isNotEqualTo(new TufPublicKey("ecdsa", new byte[] {1, 2, 3}));
  }

  @Test
  void x509KeyWhoseTextIsNotACertificateHasNoCanonicalId() {
    TufPublicKey broken = new TufPublicKey(KeyType.ECDSA_X509, "not a pem".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(broken::canonicalId).isInstanceOf(MalformedKeyException.class);
  }

  @Test
  void keyTypeWireNames() {
    for (KeyType t : KeyType.values()) {
      assertThat(KeyType.fromWireName(t.wireName())).contains(t);
    }
    assertThat(KeyType.fromWireName("ECDSA")).isEmpty();
    assertThat(KeyType.ECDSA_X509.isX509()).isTrue();
    assertThat(KeyType.RSA_X509.bareType()).isEqualTo(KeyType.RSA);
    assertThat(KeyType.ED25519.signatureMethod()).isEqualTo("eddsa");
    assertThat(KeyType.RSA_X509.signatureMethod()).isEqualTo("rsapss");
  }
}
