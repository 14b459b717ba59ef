package io.trustyard.trustserver.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustyard.store.Database;
import io.trustyard.store.TestDatabase;
import io.trustyard.store.TestDatabases;
import io.trustyard.trustserver.TrustServer;
import io.trustyard.trustserver.config.NotaryServerConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notary-server config with MySQL storage (Go DSN) runs our server on MariaDB; the notary CLI publishes. */
class MariaDbConfigTest {
  @TempDir Path dir;

  @Test
  void goMysqlDsnOnMariaDb() throws Exception {
    try (TestDatabase db = TestDatabases.mysql()) {
      String hostPortDb = db.url().jdbcUrl().substring("jdbc:mariadb://".length());
      String host = hostPortDb.substring(0, hostPortDb.indexOf('/'));
      String name = hostPortDb.substring(hostPortDb.indexOf('/') + 1);
      TestPki pki = TestPki.create(dir.resolve("pki"));
      Path config = dir.resolve("server-config.json");
      Files.writeString(config, """
          {"server": {"http_addr": "127.0.0.1:0", "tls_cert_file": "%s", "tls_key_file": "%s"},
           "trust_service": {"type": "local"},
           "storage": {"backend": "mysql", "db_url": "root@tcp(%s)/%s?parseTime=True"}}
          """.formatted(pki.serverCert, pki.serverKey, host, name));
      String gun = "example.com/mariadb/app";
      Path payload = dir.resolve("payload.txt");
      Files.writeString(payload, "on mariadb\n");
      try (TrustServer server = TrustServer.start(NotaryServerConfigFile.read(config, Map.of()), dir.resolve("data"), Map.of())) {
        String url = "https://127.0.0.1:" + server.port();
        notary(url, pki, dir.resolve("alice"), "init", gun).ok();
        notary(url, pki, dir.resolve("alice"), "add", gun, "v1", payload.toString(), "-p").ok();
        assertThat(notary(url, pki, dir.resolve("bob"), "list", gun).ok().output()).contains("v1");
      }
      try (Database database = db.open()) {
        int rows = database.withConnection(c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tuf_files WHERE gun = '" + gun + "'")) {
            rs.next();
            return rs.getInt(1);
          }
        });
        // root, targets, snapshot, timestamp; and the server keys in notary-signer's table beside them.
        assertThat(rows).isEqualTo(4);
        int keys = database.withConnection(c -> {
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM private_keys")) {
            rs.next();
            return rs.getInt(1);
          }
        });
        assertThat(keys).isGreaterThanOrEqualTo(1);
      }
    }
  }

  private Peer.Result notary(String url, TestPki pki, Path trustDir, String... args) {
    List<String> cmd = new ArrayList<>(List.of("notary", "-s", url, "--tlscacert", pki.caCert.toString(), "-d", trustDir.toString()));
    cmd.addAll(List.of(args));
    return Peer.run(dir, Map.of("NOTARY_ROOT_PASSPHRASE", "root-pass-1234", "NOTARY_TARGETS_PASSPHRASE", "targets-pass-1234",
        "NOTARY_SNAPSHOT_PASSPHRASE", "snapshot-pass-1234"), null, cmd);
  }
}
