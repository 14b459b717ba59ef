package io.trustyard.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustyard.core.json.CanonicalJson;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signatures made by the Go notary CLI and server verify over the canonical bytes of {@code signed}. */
class MetadataSignatureVectorTest {
  /** Every key a vector signature may be checked against: root.json keys and targets delegations. */
  private static Map<String, TufPublicKey> keys() {
    Map<String, TufPublicKey> keys = new HashMap<>();
    Vectors.metadata("root").get("signed").get("keys").properties()
        .forEach(e -> keys.put(e.getKey(), Vectors.key(e.getValue())));
    Vectors.metadata("targets").get("signed").get("delegations").get("keys").properties()
        .forEach(e -> keys.put(e.getKey(), Vectors.key(e.getValue())));
    return keys;
  }

  private record Sig(String keyId, String method, byte[] bytes) {}

  private static Sig onlySignature(JsonNode document) {
    assertThat(document.get("signatures")).hasSize(1);
    JsonNode s = document.get("signatures").get(0);
    return new Sig(s.get("keyid").textValue(), s.get("method").textValue(),
        Base64.getDecoder().decode(s.get("sig").textValue()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "targets", "snapshot", "timestamp", "targets/releases"})
  void goSignaturesVerifyWithTheListedKey(String role) {
    JsonNode document = Vectors.metadata(role);
    byte[] message = CanonicalJson.encode(document.get("signed"));
    Sig sig = onlySignature(document);
    TufPublicKey key = keys().get(sig.keyId());

    assertThat(key).as("key %s", sig.keyId()).isNotNull();
    assertThat(key.id()).isEqualTo(sig.keyId());
    assertThat(TufSignatures.verify(key, sig.method(), sig.bytes(), message)).isTrue();

    // Tampered message: one bit of the signed bytes.
    byte[] tampered = message.clone();
    tampered[tampered.length / 2] ^= 0x01;
    assertThat(TufSignatures.verify(key, sig.method(), sig.bytes(), tampered)).isFalse();
    // Wrong key: every other key of the repository.
    keys().forEach((id, other) -> {
      if (!id.equals(sig.keyId())) {
        assertThat(TufSignatures.verify(other, sig.method(), sig.bytes(), message)).as("key %s", id).isFalse();
      }
    });
    // Wrong method: every other method name, and one unknown.
    for (String method : new String[] {"ecdsa", "eddsa", "rsapss", "rsapkcs1v15", "pycrypto-pkcs#1 pss", "ecdsa-sha256", ""}) {
      if (!method.equals(sig.method())) {
        assertThat(TufSignatures.verify(key, method, sig.bytes(), message)).as("method %s", method).isFalse();
      }
    }
  }

  @Test
  void theSignatureMethodsOfTheVectorsAreWhatNotaryEmits() {
    assertThat(onlySignature(Vectors.metadata("root")).method()).isEqualTo("ecdsa");
    assertThat(onlySignature(Vectors.metadata("timestamp")).method()).isEqualTo("eddsa");
    assertThat(keys().get(onlySignature(Vectors.metadata("timestamp")).keyId()).type()).contains(KeyType.ED25519);
  }

  @Test
  void ecdsaSignaturesOfAnyOtherLengthAreRejected() {
    JsonNode document = Vectors.metadata("targets");
    byte[] message = CanonicalJson.encode(document.get("signed"));
    Sig sig = onlySignature(document);
    TufPublicKey key = keys().get(sig.keyId());
    assertThat(sig.bytes()).hasSize(64);
    for (int length : new int[] {0, 32, 63, 65, 70, 72, 128}) {
      byte[] resized = java.util.Arrays.copyOf(sig.bytes(), length);
      assertThat(TufSignatures.verify(key, "ecdsa", resized, message)).as("length %d", length).isFalse();
    }
    // A leading zero byte keeps r and s the same numbers but breaks the fixed width.
    byte[] padded = new byte[65];
    System.arraycopy(sig.bytes(), 0, padded, 1, 64);
    assertThat(TufSignatures.verify(key, "ecdsa", padded, message)).isFalse();
    // The DER form of the same (r, s) is not what Notary accepts either.
    assertThat(TufSignatures.verify(key, "ecdsa", derOf(sig.bytes()), message)).isFalse();
  }

  @Test
  void methodIsCaseInsensitiveAsGoLowerCasesIt() {
    JsonNode document = Vectors.metadata("snapshot");
    byte[] message = CanonicalJson.encode(document.get("signed"));
    Sig sig = onlySignature(document);
    assertThat(TufSignatures.verify(keys().get(sig.keyId()), "ECDSA", sig.bytes(), message)).isTrue();
    assertThat(TufSignatures.verify(keys().get(sig.keyId()), "EcDsA", sig.bytes(), message)).isTrue();
  }

  private static byte[] derOf(byte[] p1363) {
    var v = new org.bouncycastle.asn1.ASN1EncodableVector();
    v.add(new org.bouncycastle.asn1.ASN1Integer(new java.math.BigInteger(1, java.util.Arrays.copyOf(p1363, 32))));
    v.add(new org.bouncycastle.asn1.ASN1Integer(new java.math.BigInteger(1, java.util.Arrays.copyOfRange(p1363, 32, 64))));
    return KeyMaterial.der(new org.bouncycastle.asn1.DERSequence(v));
  }
}
