package io.trustyard.signer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.store.Database;
import io.trustyard.store.Dialect;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one contract every {@link KeyStore} keeps: memory, and SQL on SQLite, PostgreSQL and MariaDB. */
class KeyStoreContractTest {

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"MEMORY", "SQLITE", "POSTGRESQL", "MYSQL"})
  void keepsNotarySignerSemantics(String kind) {
    withStore(kind, store -> {
      StoredKey a = key("aaaa", "ecdsa", "example.com/app", "timestamp");
      StoredKey b = key("bbbb", "ecdsa", "example.com/app", "timestamp");
      StoredKey other = key("cccc", "ed25519", "example.com/app", "timestamp");
      store.add(b);
      store.add(a);
      store.add(other);
      assertThat(store.get("aaaa")).contains(a);
      assertThat(store.get("nope")).isEmpty();
      assertThatThrownBy(() -> store.add(a)).isInstanceOf(KeyStore.DuplicateKeyException.class);
      assertThat(store.countByAlgorithm()).isEqualTo(java.util.Map.of("ecdsa", 2L, "ed25519", 1L));

      // Lowest unused key ID of that role, GUN and type.
      assertThat(store.firstUnused("timestamp", "example.com/app", "ecdsa")).contains(a);
      assertThat(store.firstUnused("snapshot", "example.com/app", "ecdsa")).isEmpty();
      assertThat(store.firstUnused("timestamp", "example.com/other", "ecdsa")).isEmpty();
      Instant used = Instant.parse("2026-11-22T02:03:04Z");
      store.markUsed("aaaa", used);
      assertThat(store.get("aaaa").orElseThrow().lastUsed()).contains(used);
      assertThat(store.firstUnused("timestamp", "example.com/app", "ecdsa")).contains(b);

      // Soft delete: gone everywhere, and the ID stays taken.
      assertThat(store.delete("bbbb")).isTrue();
      assertThat(store.delete("bbbb")).isFalse();
      assertThat(store.get("bbbb")).isEmpty();
      assertThat(store.firstUnused("timestamp", "example.com/app", "ecdsa")).isEmpty();
      assertThatThrownBy(() -> store.add(b)).isInstanceOf(KeyStore.DuplicateKeyException.class);
      assertThat(store.get("cccc")).contains(other);
      assertThat(store.countByAlgorithm()).isEqualTo(java.util.Map.of("ecdsa", 1L, "ed25519", 1L));
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"MEMORY", "SQLITE", "POSTGRESQL", "MYSQL"})
  void keepsBinaryPublicKeysAndUnicodeNamesExactly(String kind) {
    withStore(kind, store -> {
      byte[] pub = new byte[256];
      for (int i = 0; i < pub.length; i++) {
        pub[i] = (byte) i;
      }
      StoredKey k = new StoredKey("dddd", "rsa", "registry.example/ünïcode/repo", "targets/releases", pub,
          "eyJh.x.y.z.w", "alias_1", Optional.empty());
      store.add(k);
      assertThat(store.get("dddd")).contains(k);
      assertThat(store.get("dddd").orElseThrow().publicBytes()).isEqualTo(pub);
    });
  }

  private void withStore(String kind, Consumer<KeyStore> test) {
    if (kind.equals("MEMORY")) {
      test.accept(new MemoryKeyStore());
      return;
    }
    try (TestDatabase db = TestDatabases.create(Dialect.valueOf(kind), dir); Database database = db.open()) {
      test.accept(SqlKeyStore.open(database, clock));
      // Opening again (a restart) keeps the schema and the data.
      assertThat(SqlKeyStore.open(database, clock).get("nothing")).isEmpty();
    }
  }

  private static StoredKey key(String id, String algorithm, String gun, String role) {
    return new StoredKey(id, algorithm, gun, role, ("pub-" + id).getBytes(), "jwe-" + id, "alias", Optional.empty());
  }
}
