package io.trustyard.store;

/**
 * A throw-away database for one test: a temp SQLite file, or a uniquely named database on the
 * machine's PostgreSQL or MariaDB, dropped by {@link #close()}.
 */
public interface TestDatabase extends AutoCloseable {

  Dialect dialect();

  /** Where the database is; give it to {@link Database#open(DatabaseUrl)} (as many times as needed). */
  DatabaseUrl url();

  /** A Trustyard URL string for the database, as a user would put it in a config file. */
  String urlText();

  /** Opens a new pool on this database; the caller closes it before {@link #close()}. */
  default Database open() {
    return Database.open(url());
  }

  /** Drops the database (server dialects); the temp SQLite file goes with its {@code @TempDir}. */
  @Override
  void close();
}
