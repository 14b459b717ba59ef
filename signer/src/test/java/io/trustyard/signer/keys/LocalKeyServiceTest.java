package io.trustyard.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.core.crypto.TufPublicKey;
import io.trustyard.core.crypto.TufSignatures;
import io.trustyard.signer.Limits;
import io.trustyard.signer.SignerError;
import io.trustyard.signer.SignerException;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.Signed;
import io.trustyard.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalKeyServiceTest {

  @TempDir Path dir;
  private static final byte[] CONTENT = "{\"signed\":{\"_type\":\"Timestamp\"}}".getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> ENV = Map.of("NOTARY_SIGNER_TIMESTAMP_1", "correct horse");

  @ParameterizedTest
  @CsvSource({"ecdsa,ecdsa,64", "ed25519,eddsa,64", "rsa,rsapss,384"})
  void createsKeysThatSignVerifiably(String algorithm, String method, int signatureLength) {
    try (Database db = Database.open("sqlite:" + dir.resolve("signer.db"));
        LocalKeyService keys = service(db, ENV)) {
      SignerKey key = keys.createKey(algorithm, "example.com/app", "timestamp");
      TufPublicKey pub = new TufPublicKey(key.algorithm(), key.publicBytes());
      assertThat(key.algorithm()).isEqualTo(algorithm);
      assertThat(key.id()).isEqualTo(pub.id());
      assertThat(keys.getKey(key.id())).contains(key);

      Signed signed = keys.sign(key.id(), CONTENT);
      assertThat(signed.keyId()).isEqualTo(key.id());
      assertThat(signed.keyAlgorithm()).isEqualTo(algorithm);
      assertThat(signed.method()).isEqualTo(method);
      assertThat(signed.signature()).hasSize(signatureLength);
      assertThat(TufSignatures.verify(pub, method, signed.signature(), CONTENT)).isTrue();
      assertThat(TufSignatures.verify(pub, method, signed.signature(), "other".getBytes())).isFalse();
    }
  }

  @Test
  void storesOnlyEncryptedKeysAndTheyOutliveARestart() {
    Path file = dir.resolve("signer.db");
    SignerKey key;
    try (Database db = Database.open("sqlite:" + file); LocalKeyService keys = service(db, ENV)) {
      key = keys.createKey("ecdsa", "example.com/app", "timestamp");
      StoredKey stored = SqlKeyStore.open(db, Clock.systemUTC()).get(key.id()).orElseThrow();
      assertThat(stored.passphraseAlias()).isEqualTo("timestamp_1");
      assertThat(stored.encryptedPrivate()).startsWith("eyJhbGciOiJQQkVTMi1IUzI1NitBMTI4S1ciLCJlbmMiOiJBMjU2R0NNIi");
    }
    try (Database db = Database.open("sqlite:" + file); LocalKeyService keys = service(db, ENV)) {
      assertThat(keys.getKey(key.id())).contains(key);
      Signed signed = keys.sign(key.id(), CONTENT);
      assertThat(TufSignatures.verify(new TufPublicKey(key.algorithm(), key.publicBytes()), "ecdsa",
          signed.signature(), CONTENT)).isTrue();
      // Used now: a second CreateKey for the role makes a new key instead of handing this one out.
      assertThat(keys.createKey("ecdsa", "example.com/app", "timestamp").id()).isNotEqualTo(key.id());
    }
  }

  @Test
  void handsOutAnUnusedKeyAgainLikeNotarySigner() {
    try (Database db = Database.open("sqlite:" + dir.resolve("signer.db")); LocalKeyService keys = service(db, ENV)) {
      SignerKey first = keys.createKey("ecdsa", "example.com/app", "timestamp");
      assertThat(keys.createKey("ecdsa", "example.com/app", "timestamp")).isEqualTo(first);
      assertThat(keys.createKey("ecdsa", "example.com/app", "snapshot")).isNotEqualTo(first);
      assertThat(keys.createKey("ed25519", "example.com/app", "timestamp").algorithm()).isEqualTo("ed25519");
    }
  }

  @Test
  void badInputFailsClearlyAndStoresNothing() {
    MemoryKeyStore store = new MemoryKeyStore();
    try (LocalKeyService keys = new LocalKeyService(store, Passphrases.fromEnvironment(ENV), "timestamp_1",
        new SecureRandom(), Clock.systemUTC(), () -> { })) {
      expect(() -> keys.createKey("dsa", "g", "timestamp"), SignerError.UNSUPPORTED_ALGORITHM, "dsa");
      assertThatThrownBy(() -> keys.createKey("x\nFAKE LOG LINE", "g", "timestamp"))
          .hasMessageContaining("x?FAKE LOG LINE").hasMessageNotContaining("\n");
      expect(() -> keys.createKey("ecdsa-x509", "g", "timestamp"), SignerError.UNSUPPORTED_ALGORITHM, "ecdsa-x509");
      expect(() -> keys.createKey("ecdsa", "g".repeat(256), "timestamp"), SignerError.INVALID_REQUEST, "gun");
      expect(() -> keys.createKey("ecdsa", "g", "time\nstamp"), SignerError.INVALID_REQUEST, "role");
      expect(() -> keys.sign("0".repeat(64), CONTENT), SignerError.KEY_NOT_FOUND, "not found");
      expect(() -> keys.sign("", CONTENT), SignerError.KEY_NOT_FOUND, "not found");
      assertThat(keys.getKey("0".repeat(64))).isEmpty();
      assertThat(store.firstUnused("timestamp", "g", "ecdsa")).isEmpty();

      SignerKey key = keys.createKey("ecdsa", "g", "timestamp");
      expect(() -> keys.sign(key.id(), new byte[Limits.MAX_SIGN_BYTES + 1]), SignerError.PAYLOAD_TOO_LARGE, "limit");
      assertThat(store.get(key.id()).orElseThrow().lastUsed()).isEmpty();
      keys.deleteKey(key.id());
      keys.deleteKey(key.id()); // unknown now: still not an error
      expect(() -> keys.sign(key.id(), CONTENT), SignerError.KEY_NOT_FOUND, key.id());
    }
  }

  @Test
  void aMissingOrWrongPassphraseIsNamedAndChangesNothing() {
    MemoryKeyStore store = new MemoryKeyStore();
    try (LocalKeyService noPassphrase = new LocalKeyService(store, Passphrases.fromEnvironment(Map.of()), "timestamp_1",
        new SecureRandom(), Clock.systemUTC(), () -> { })) {
      expect(() -> noPassphrase.createKey("ecdsa", "g", "timestamp"), SignerError.PASSPHRASE_UNAVAILABLE,
          "NOTARY_SIGNER_TIMESTAMP_1");
      assertThat(store.firstUnused("timestamp", "g", "ecdsa")).isEmpty();
    }
    SignerKey key;
    try (LocalKeyService keys = new LocalKeyService(store, Passphrases.fromEnvironment(ENV), "timestamp_1",
        new SecureRandom(), Clock.systemUTC(), () -> { })) {
      key = keys.createKey("ecdsa", "g", "timestamp");
    }
    try (LocalKeyService wrong = new LocalKeyService(store, Passphrases.constant("battery staple"), "timestamp_1",
        new SecureRandom(), Clock.systemUTC(), () -> { })) {
      expect(() -> wrong.sign(key.id(), CONTENT), SignerError.KEY_UNREADABLE, "timestamp_1");
      assertThat(store.get(key.id()).orElseThrow().lastUsed()).isEmpty();
    }
  }

  private static void expect(ThrowingCallable call, SignerError error, String messagePart) {
    assertThatThrownBy(call).isInstanceOfSatisfying(SignerException.class, e -> {
      assertThat(e.error()).isEqualTo(error);
      assertThat(e.getMessage()).contains(messagePart);
    });
  }

  private static LocalKeyService service(Database db, Map<String, String> env) {
    return new LocalKeyService(SqlKeyStore.open(db, Clock.systemUTC()), Passphrases.fromEnvironment(env), "timestamp_1",
        new SecureRandom(), Clock.systemUTC(), () -> { });
  }
}
