package io.trustyard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void aPathOrSqliteUrlIsAnSqliteFile() {
    assertThat(DatabaseUrl.parse("/var/lib/trustyard/signer.db"))
        .isEqualTo(new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:/var/lib/trustyard/signer.db", Optional.empty(), Optional.empty()));
    assertThat(DatabaseUrl.parse("sqlite:/tmp/x.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db");
    assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/x.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db");
    assertThat(DatabaseUrl.parse("rel.db").jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("rel.db").toAbsolutePath());
  }

  @Test
  void postgresUrlsKeepCredentialsOutOfTheJdbcUrl() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://signer:s%40cret@db.example:6543/notarysigner?sslmode=disable");
    assertThat(url.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/notarysigner?sslmode=disable");
    assertThat(url.user()).contains("signer");
    assertThat(url.password()).contains("s@cret");
    assertThat(url.toString()).doesNotContain("cret");
    assertThat(DatabaseUrl.parse("postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
  }

  @Test
  void mysqlUrlsUseTheMariadbDriver() {
    DatabaseUrl url = DatabaseUrl.parse("mysql://root:pw@127.0.0.1/notarysigner");
    assertThat(url.dialect()).isEqualTo(Dialect.MYSQL);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/notarysigner");
    assertThat(url.password()).contains("pw");
    assertThat(DatabaseUrl.parse("jdbc:mysql://h:3307/d").jdbcUrl()).isEqualTo("jdbc:mysql://h:3307/d?permitMysqlScheme");
  }

  @Test
  void notaryConfigPairsAreUnderstood() {
    DatabaseUrl mysql = DatabaseUrl.fromNotary("mysql", "signer:pw@tcp(mysql:3306)/notarysigner?parseTime=True");
    assertThat(mysql).isEqualTo(new DatabaseUrl(Dialect.MYSQL, "jdbc:mariadb://mysql:3306/notarysigner",
        Optional.of("signer"), Optional.of("pw")));
    DatabaseUrl noUser = DatabaseUrl.fromNotary("mysql", "tcp(127.0.0.1:3306)/notarysigner");
    assertThat(noUser.user()).isEmpty();
    assertThat(DatabaseUrl.fromNotary("postgres", "postgres://signer@postgresql:5432/notarysigner?sslmode=verify-ca")
        .jdbcUrl()).isEqualTo("jdbc:postgresql://postgresql:5432/notarysigner?sslmode=verify-ca");
    assertThat(DatabaseUrl.fromNotary("sqlite3", "/tmp/signer.db").jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/signer.db");
    assertThat(DatabaseUrl.fromNotary("sqlite3", "file:/tmp/s.db?cache=shared").jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/s.db");
  }

  @Test
  void badUrlsAreRefusedWithoutEchoingPasswords() {
    assertThatThrownBy(() -> DatabaseUrl.parse("oracle://u:topsecret@h/db"))
        .hasMessageContaining("unsupported").hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://h/")).hasMessageContaining("database name");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgres://h/db;drop")).hasMessageContaining("database name");
    assertThatThrownBy(() -> DatabaseUrl.fromNotary("rethinkdb", "x")).hasMessageContaining("rethinkdb");
    assertThatThrownBy(() -> DatabaseUrl.fromNotary("mysql", "garbage")).hasMessageContaining("DSN");
    assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
  }
}
