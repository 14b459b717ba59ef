package io.trustyard.trustserver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trustyard.signer.config.LocalPki;
import io.trustyard.signer.config.SignerConfig;
import io.trustyard.signer.config.SignerRunner;
import io.trustyard.trustserver.TrustServer;
import io.trustyard.trustserver.config.NotaryServerConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notary-server config file, as notary's deployments write it, runs our trust server with a
 * remote signer (ours, over gRPC with mutual TLS) and SQLite storage; the real notary CLI publishes.
 */
class RemoteSignerConfigTest {
  @TempDir Path dir;

  @Test
  void notaryServerConfigWithRemoteTrustService() throws Exception {
    Path signerData = dir.resolve("signer");
    SignerConfig signerConfig = new SignerConfig("127.0.0.1", 0, Optional.empty(), "sqlite3",
        Optional.of(signerData.resolve("signer.db").toString()), SignerConfig.DEFAULT_ALIAS, Optional.empty(),
        Optional.of(signerData));
    try (SignerRunner signer = SignerRunner.start(signerConfig, Map.of("NOTARY_SIGNER_TIMESTAMP_1", "signer-pass-1234"),
        new SecureRandom(), Clock.systemUTC())) {
      LocalPki signerPki = signer.pki().orElseThrow();
      TestPki pki = TestPki.create(dir.resolve("pki"));
      Path config = dir.resolve("server-config.json");
      Files.writeString(config, """
          {
            "server": {"http_addr": "127.0.0.1:0", "tls_cert_file": "%s", "tls_key_file": "%s"},
            "trust_service": {"type": "remote", "hostname": "127.0.0.1", "port": "%d", "key_algorithm": "ecdsa",
              "tls_ca_file": "%s", "tls_client_cert": "%s", "tls_client_key": "%s"},
            "storage": {"backend": "sqlite3", "db_url": "trust/notary_server.db"},
            "logging": {"level": "info"}
          }""".formatted(pki.serverCert, pki.serverKey, signer.port(), signerPki.ca(), signerPki.clientCert(),
          signerPki.clientKey()));
      Files.createDirectories(dir.resolve("trust"));

      String gun = "example.com/remote/app";
      Path trustDir = dir.resolve("alice");
      Path payload = dir.resolve("payload.txt");
      Files.writeString(payload, "remote signer\n");
      try (TrustServer server = TrustServer.start(NotaryServerConfigFile.read(config, Map.of()), dir.resolve("data"), Map.of())) {
        String url = "https://127.0.0.1:" + server.port();
        notary(url, pki, trustDir, "init", gun).ok();
        notary(url, pki, trustDir, "add", gun, "v1", payload.toString(), "-p").ok();
        assertThat(notary(url, pki, dir.resolve("bob"), "list", gun).ok().output()).contains("v1");
      }
      assertThat(dir.resolve("trust/notary_server.db")).exists();

      // The timestamp key the root lists lives in the remote signer.
      JsonNode root = new ObjectMapper().readTree(trustDir.resolve("tuf").resolve(gun).resolve("metadata/root.json").toFile());
      String timestampKeyId = root.get("signed").get("roles").get("timestamp").get("keyids").get(0).asText();
      assertThat(signer.keys().getKey(timestampKeyId)).isPresent();
    }
  }

  private Peer.Result notary(String url, TestPki pki, Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", url, "--tlscacert", pki.caCert.toString(), "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    return Peer.run(dir, Map.of("NOTARY_ROOT_PASSPHRASE", "root-pass-1234", "NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234",
        "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234"), null, cmd);
  }
}
