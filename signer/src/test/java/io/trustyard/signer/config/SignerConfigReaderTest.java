package io.trustyard.signer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignerConfigReaderTest {

  @TempDir Path dir;

  @Test
  void readsNotarysLocalFixtureAsItIs() throws Exception {
    Path file = write("""
        {
        	"server": {
        		"grpc_addr": ":7899",
        		"tls_cert_file": "./notary-signer.crt",
        		"tls_key_file": "./notary-signer.key",
        		"client_ca_file": "./notary-server.crt"
        	},
        	"logging": {"level": "debug"},
        	"storage": {"backend": "memory"},
        	"reporting": {"bugsnag": {"api_key": "x"}}
        }
        """);
    SignerConfig c = SignerConfigReader.read(file, Map.of());
    assertThat(c.host()).isEmpty();
    assertThat(c.port()).isEqualTo(7899);
    assertThat(c.backend()).isEqualTo("memory");
    assertThat(c.tls()).contains(new SignerConfig.TlsFiles(dir.resolve("./notary-signer.crt"),
        dir.resolve("./notary-signer.key"), Optional.of(dir.resolve("./notary-server.crt"))));
    assertThat(c.logLevel()).contains("debug");
    assertThat(c.http()).isEmpty();
  }

  @Test
  void httpAddrServesHealthAndMetricsAsInNotarySignersDocumentedConfig() throws Exception {
    Path file = write("""
        {"server": {"http_addr": ":4444", "grpc_addr": ":7899", "tls_cert_file": "s.crt", "tls_key_file": "s.key"}}
        """);
    assertThat(SignerConfigReader.read(file, Map.of()).http()).contains(new ListenAddress("", 4444));
    assertThat(SignerConfigReader.read(file, Map.of("NOTARY_SIGNER_SERVER_HTTP_ADDR", "127.0.0.1:14444")).http())
        .contains(new ListenAddress("127.0.0.1", 14444));
    assertThatThrownBy(() -> SignerConfigReader.read(write("""
        {"server": {"http_addr": "4444", "grpc_addr": ":7899", "tls_cert_file": "s.crt", "tls_key_file": "s.key"}}
        """), Map.of())).hasMessageContaining("server.http_addr must be host:port or :port");
  }

  @Test
  void takesTheAliasAndOverridesFromTheEnvironmentLikeViper() throws Exception {
    Path file = write("""
        {"server": {"grpc_addr": "127.0.0.1:7899", "tls_cert_file": "s.crt", "tls_key_file": "s.key"},
         "storage": {"backend": "mysql", "db_url": "signer@tcp(mysql:3306)/notarysigner?parseTime=True"}}
        """);
    assertThatThrownBy(() -> SignerConfigReader.read(file, Map.of())).hasMessageContaining("default alias");
    SignerConfig c = SignerConfigReader.read(file, Map.of("NOTARY_SIGNER_DEFAULT_ALIAS", "timestamp_1",
        "NOTARY_SIGNER_SERVER_GRPC_ADDR", "127.0.0.1:17899"));
    assertThat(c.defaultAlias()).isEqualTo("timestamp_1");
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(17899);
    assertThat(c.tls().orElseThrow().clientCa()).isEmpty();
    assertThat(c.dbUrl()).contains("signer@tcp(mysql:3306)/notarysigner?parseTime=True");
  }

  @Test
  void refusesWhatNotarySignerRefusesWithAClearMessage() throws Exception {
    assertThatThrownBy(() -> SignerConfigReader.read(write("{\"server\": {\"tls_cert_file\": \"a\", \"tls_key_file\": \"b\"}}"), Map.of()))
        .hasMessageContaining("grpc_addr");
    assertThatThrownBy(() -> SignerConfigReader.read(write("{\"server\": {\"grpc_addr\": \":7899\"}}"), Map.of()))
        .hasMessageContaining("tls_cert_file");
    assertThatThrownBy(() -> SignerConfigReader.read(write("""
        {"server": {"grpc_addr": ":7899", "tls_cert_file": "a", "tls_key_file": "b"}, "storage": {"backend": "rethinkdb"}}
        """), Map.of())).hasMessageContaining("rethinkdb");
    assertThatThrownBy(() -> SignerConfigReader.read(write("""
        {"server": {"grpc_addr": ":7899", "tls_cert_file": "a", "tls_key_file": "b"}, "storage": {"backend": "postgres", "default_alias": "a"}}
        """), Map.of())).hasMessageContaining("db_url");
    assertThatThrownBy(() -> SignerConfigReader.read(write("{not json"), Map.of())).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> SignerConfigReader.read(write("{\"server\": {\"grpc_addr\": \":x\"}}"), Map.of()))
        .hasMessageContaining("port");
  }

  private Path write(String json) throws Exception {
    Path file = Files.createTempFile(dir, "signer-config", ".json");
    Files.writeString(file, json);
    return file;
  }
}
