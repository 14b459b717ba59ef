package io.trustyard.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database is, as a JDBC URL plus credentials kept apart from it (so that the JDBC URL can
 * be logged). Parsed from Trustyard's URLs or from the {@code storage.backend}/{@code db_url} pair
 * of notary's configuration files.
 *
 * <p>Accepted forms: a file path or {@code sqlite:PATH} / {@code jdbc:sqlite:PATH};
 * {@code postgres://user:pass@host:port/db?params} (lib/pq style, also {@code postgresql://} and
 * {@code jdbc:postgresql:}); {@code mysql://} / {@code mariadb://user:pass@host:port/db} and
 * {@code jdbc:mariadb:} / {@code jdbc:mysql:}; Go's MySQL DSN
 * {@code user:pass@tcp(host:port)/db?parseTime=True} when the backend is {@code mysql}.
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, Optional<String> user, Optional<String> password) {

  private static final Pattern GO_MYSQL_DSN =
      Pattern.compile("^(?:([^:@/]*)(?::([^@]*))?@)?(?:tcp\\(([^)]*)\\)|unix\\(([^)]*)\\))?/([^?]*)(?:\\?(.*))?$");

  public DatabaseUrl {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** An SQLite database in the file {@code file}. */
  public static DatabaseUrl sqlite(Path file) {
    return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), Optional.empty(), Optional.empty());
  }

  /** Parses one of Trustyard's URL forms (see the class comment). */
  public static DatabaseUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    String trimmed = url.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("empty database URL");
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:")) {
      return sqlite(Path.of(trimmed.substring("jdbc:sqlite:".length())));
    }
    if (lower.startsWith("sqlite:") || lower.startsWith("sqlite3:")) {
      return sqlite(Path.of(trimmed.substring(trimmed.indexOf(':') + 1)));
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(Dialect.POSTGRESQL, trimmed, Optional.empty(), Optional.empty());
    }
    if (lower.startsWith("jdbc:mariadb:")) {
      return new DatabaseUrl(Dialect.MYSQL, trimmed, Optional.empty(), Optional.empty());
    }
    if (lower.startsWith("jdbc:mysql:")) {
      // The MariaDB driver speaks to MySQL too, but only accepts this scheme when told to.
      String jdbc = trimmed + (trimmed.contains("?") ? "&" : "?") + "permitMysqlScheme";
      return new DatabaseUrl(Dialect.MYSQL, jdbc, Optional.empty(), Optional.empty());
    }
    if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
      return fromUri(Dialect.POSTGRESQL, trimmed);
    }
    if (lower.startsWith("mysql://") || lower.startsWith("mariadb://")) {
      return fromUri(Dialect.MYSQL, trimmed);
    }
    if (lower.contains("://")) {
      throw new IllegalArgumentException("unsupported database URL scheme in '" + redact(trimmed)
          + "': use a file path, sqlite:, postgres:// or mysql://");
    }
    return sqlite(Path.of(trimmed));
  }

  /**
   * Parses notary's {@code storage.backend} and {@code storage.db_url} pair: backend
   * {@code mysql} takes a Go MySQL DSN, {@code postgres} a lib/pq URL, {@code sqlite3} a file.
   */
  public static DatabaseUrl fromNotary(String backend, String dbUrl) {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(dbUrl, "db_url");
    return switch (backend.toLowerCase(Locale.ROOT)) {
      case "mysql" -> dbUrl.contains("://") ? parse(dbUrl) : fromGoMysqlDsn(dbUrl);
      case "postgres", "postgresql" -> parse(dbUrl);
      case "sqlite3", "sqlite" -> dbUrl.toLowerCase(Locale.ROOT).startsWith("file:")
          ? sqlite(Path.of(stripQuery(dbUrl.substring("file:".length()))))
          : sqlite(Path.of(stripQuery(dbUrl)));
      default -> throw new IllegalArgumentException("unsupported storage backend '" + backend
          + "': use sqlite3, postgres or mysql");
    };
  }

  private static DatabaseUrl fromGoMysqlDsn(String dsn) {
    Matcher m = GO_MYSQL_DSN.matcher(dsn.strip());
    if (!m.matches() || m.group(4) != null) {
      throw new IllegalArgumentException("cannot read the MySQL DSN (expected user:password@tcp(host:port)/database)");
    }
    String hostPort = m.group(3) == null || m.group(3).isEmpty() ? "127.0.0.1:3306" : m.group(3);
    String database = m.group(5);
    requireDatabaseName(database);
    // Go-driver parameters (parseTime, loc, charset...) mean nothing to JDBC: they are dropped.
    return new DatabaseUrl(Dialect.MYSQL, "jdbc:mariadb://" + hostPort + "/" + database,
        Optional.ofNullable(emptyToNull(m.group(1))), Optional.ofNullable(m.group(2)));
  }

  private static DatabaseUrl fromUri(Dialect dialect, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed database URL '" + redact(text) + "': " + e.getReason());
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("database URL '" + redact(text) + "' has no host");
    }
    String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    requireDatabaseName(database);
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = Optional.of(decode(parts[0]));
      password = parts.length == 2 ? Optional.of(decode(parts[1])) : Optional.empty();
    }
    int defaultPort = dialect == Dialect.POSTGRESQL ? 5432 : 3306;
    String scheme = dialect == Dialect.POSTGRESQL ? "jdbc:postgresql://" : "jdbc:mariadb://";
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = scheme + uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort()) + "/" + database + query;
    return new DatabaseUrl(dialect, jdbc, user, password);
  }

  private static void requireDatabaseName(String database) {
    if (database.isEmpty() || !database.matches("[A-Za-z0-9_$-]{1,64}")) {
      throw new IllegalArgumentException("database name '" + database + "' is missing or not a plain name");
    }
  }

  private static String stripQuery(String s) {
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The URL with any password removed, fit for messages and logs. */
  public static String redact(String url) {
    return url.replaceAll("(//[^:/@]*:)[^@/]*@", "$1***@").replaceAll("^([^:/@]*:)[^@/]*@", "$1***@");
  }

  @Override
  public String toString() {
    return dialect + " " + jdbcUrl + user.map(u -> " as " + u).orElse("");
  }
}
