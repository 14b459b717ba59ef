package io.trustyard.trustserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trustyard.store.DatabaseUrl;
import io.trustyard.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notary-server's own config files (the shapes of its fixtures), read as notary reads them. */
class NotaryServerConfigFileTest {
  @TempDir Path dir;

  private TrustServerConfig read(String json, Map<String, String> env) throws Exception {
    Path file = dir.resolve("server-config.json");
    Files.writeString(file, json);
    return NotaryServerConfigFile.read(file, env);
  }

  @Test
  void readsNotarysMysqlFixtureWithRemoteSigner() throws Exception {
    TrustServerConfig c = read("""
        {
          "server": {"http_addr": ":4443", "tls_key_file": "./notary-server.key", "tls_cert_file": "./notary-server.crt"},
          "trust_service": {"type": "remote", "hostname": "notarysigner", "port": "7899", "tls_ca_file": "./root-ca.crt",
            "key_algorithm": "ecdsa", "tls_client_cert": "./notary-server.crt", "tls_client_key": "./notary-server.key"},
          "logging": {"level": "debug"},
          "storage": {"backend": "mysql", "db_url": "server@tcp(mysql:3306)/notaryserver?parseTime=True"},
          "repositories": {"gun_prefixes": ["docker.io/", "example.com/"]}
        }""", Map.of());
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.port()).isEqualTo(4443);
    assertThat(c.tlsCertFile()).contains(dir.resolve("./notary-server.crt"));
    assertThat(c.plainHttp()).isFalse();
    assertThat(c.trustType()).isEqualTo("remote");
    assertThat(c.signerHost()).isEqualTo("notarysigner");
    assertThat(c.signerPort()).isEqualTo(7899);
    assertThat(c.signerCaFile()).contains(dir.resolve("./root-ca.crt"));
    assertThat(c.keyAlgorithm()).isEqualTo("ecdsa");
    assertThat(c.gunPrefixes()).containsExactly("docker.io/", "example.com/");
    DatabaseUrl url = DatabaseUrl.fromNotary(c.storageBackend(), c.dbUrl());
    assertThat(url.dialect()).isEqualTo(Dialect.MYSQL);
    assertThat(url.user()).contains("server");
  }

  @Test
  void readsLocalMemoryAndSqliteFixturesAndCaching() throws Exception {
    TrustServerConfig memory = read("""
        {"server": {"http_addr": "127.0.0.1:4443"}, "trust_service": {"type": "local"},
         "storage": {"backend": "memory"}, "caching": {"max_age": {"current_metadata": 0, "consistent_metadata": 60}}}""",
        Map.of());
    assertThat(memory.plainHttp()).isTrue();
    assertThat(memory.storageBackend()).isEqualTo("memory");
    assertThat(memory.cache().currentMaxAge()).isZero();
    assertThat(memory.cache().consistentMaxAge()).isEqualTo(60);

    TrustServerConfig sqlite = read("""
        {"server": {"http_addr": ":4443"}, "trust_service": {"type": "local"},
         "storage": {"backend": "sqlite3", "db_url": "notary_server.db"}}""", Map.of());
    assertThat(sqlite.dbUrl()).isEqualTo(dir.resolve("notary_server.db").toString());
  }

  @Test
  void environmentOverridesAsViperDoes() throws Exception {
    TrustServerConfig c = read("""
        {"server": {"http_addr": ":4443"}, "trust_service": {"type": "local"}, "storage": {"backend": "memory"}}""",
        Map.of("NOTARY_SERVER_SERVER_HTTP_ADDR", "127.0.0.1:5555",
            "NOTARY_SERVER_STORAGE_BACKEND", "postgres",
            "NOTARY_SERVER_STORAGE_DB_URL", "postgres://server@db:5432/notaryserver?sslmode=disable"));
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(5555);
    assertThat(DatabaseUrl.fromNotary(c.storageBackend(), c.dbUrl()).dialect()).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void refusesWhatNotaryRefusesNamingTheKey() {
    record Bad(String json, String mentions) {}
    for (Bad bad : List.of(
        new Bad("{}", "server.http_addr"),
        new Bad("{\"server\":{\"http_addr\":\":4443\"}}", "trust_service.type"),
        new Bad("{\"server\":{\"http_addr\":\":4443\"},\"trust_service\":{\"type\":\"magic\"}}", "trust_service.type"),
        new Bad("{\"server\":{\"http_addr\":\":4443\",\"tls_cert_file\":\"a.crt\"},\"trust_service\":{\"type\":\"local\"}}",
            "tls_key_file"),
        new Bad("{\"server\":{\"http_addr\":\":4443\"},\"trust_service\":{\"type\":\"remote\",\"key_algorithm\":\"ecdsa\"}}",
            "trust_service.hostname"),
        new Bad("{\"server\":{\"http_addr\":\":4443\"},\"trust_service\":{\"type\":\"local\"},\"storage\":{\"backend\":\"postgres\"}}",
            "storage.db_url"),
        new Bad("{\"server\":{\"http_addr\":\":4443\"},\"trust_service\":{\"type\":\"local\"},"
            + "\"caching\":{\"max_age\":{\"current_metadata\":99999999}}}", "caching.max_age"),
        new Bad("{\"server\":{\"http_addr\":\":4443\"},\"trust_service\":{\"type\":\"local\"},"
            + "\"repositories\":{\"gun_prefixes\":[\"nodash\"]}}", "gun_prefixes"),
        new Bad("[1]", "not a JSON object"))) {
      assertThatThrownBy(() -> read(bad.json, Map.of())).as(bad.json)
          .isInstanceOf(ConfigException.class).hasMessageContaining(bad.mentions);
    }
  }
}
