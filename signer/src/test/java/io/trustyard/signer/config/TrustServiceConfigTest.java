package io.trustyard.signer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.signer.KeyService;
import io.trustyard.signer.SignerKey;
import io.trustyard.signer.grpc.ClientTls;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustServiceConfigTest {

  @TempDir Path dir;

  @Test
  void readsNotaryServersRemoteSectionAndConnects() throws Exception {
    SignerConfig defaults = SignerConfig.defaults(dir.resolve("signer"));
    try (SignerRunner signer = SignerRunner.start(new SignerConfig("127.0.0.1", 0, Optional.empty(), defaults.backend(),
        defaults.dbUrl(), defaults.defaultAlias(), Optional.empty(), defaults.dataDir()), Map.of(), new SecureRandom(),
        Clock.systemUTC())) {
      JsonNode config = json("""
          {"trust_service": {"type": "remote", "hostname": "localhost", "port": "%d", "key_algorithm": "ecdsa",
            "tls_ca_file": "signer/tls/ca.crt", "tls_client_cert": "signer/tls/client.crt",
            "tls_client_key": "signer/tls/client.key"}}
          """.formatted(signer.port()));
      TrustServiceConfig trust = TrustServiceConfig.fromNotaryServerConfig(config, dir, Map.of());
      assertThat(trust.keyAlgorithm()).isEqualTo("ecdsa");
      assertThat(trust.remote().orElseThrow().tls()).isEqualTo(ClientTls.mutual(dir.resolve("signer/tls/ca.crt"),
          dir.resolve("signer/tls/client.crt"), dir.resolve("signer/tls/client.key")));
      try (KeyService keys = trust.open(Duration.ofSeconds(20))) {
        SignerKey key = keys.createKey(trust.keyAlgorithm(), "example.com/app", "timestamp");
        assertThat(keys.getKey(key.id())).contains(key);
      }
    }
  }

  @Test
  void localMeansEd25519InMemoryAndBadSectionsAreRefused() throws Exception {
    TrustServiceConfig local = TrustServiceConfig.fromNotaryServerConfig(
        json("{\"trust_service\": {\"type\": \"local\", \"key_algorithm\": \"rsa\"}}"), dir, Map.of());
    assertThat(local.keyAlgorithm()).isEqualTo("ed25519");
    try (KeyService keys = local.open(Duration.ofSeconds(1))) {
      assertThat(keys.createKey("ed25519", "g", "timestamp").algorithm()).isEqualTo("ed25519");
    }
    assertThatThrownBy(() -> TrustServiceConfig.fromNotaryServerConfig(json("{}"), dir, Map.of()))
        .hasMessageContaining("\"local\" or \"remote\"");
    assertThatThrownBy(() -> TrustServiceConfig.fromNotaryServerConfig(json(
        "{\"trust_service\": {\"type\": \"remote\", \"key_algorithm\": \"dsa\"}}"), dir, Map.of()))
        .hasMessageContaining("invalid key algorithm");
    assertThatThrownBy(() -> TrustServiceConfig.fromNotaryServerConfig(json("""
        {"trust_service": {"type": "remote", "key_algorithm": "ecdsa", "hostname": "h", "port": "7899",
         "tls_ca_file": "ca.crt", "tls_client_cert": "c.crt"}}"""), dir, Map.of()))
        .hasMessageContaining("both");
    TrustServiceConfig fromEnv = TrustServiceConfig.fromNotaryServerConfig(json("""
        {"trust_service": {"type": "remote", "key_algorithm": "ecdsa", "hostname": "h", "port": "7899",
         "tls_ca_file": "ca.crt"}}"""), dir, Map.of("NOTARY_SERVER_TRUST_SERVICE_PORT", "17899"));
    assertThat(fromEnv.remote().orElseThrow().port()).isEqualTo(17899);
  }

  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }
}
