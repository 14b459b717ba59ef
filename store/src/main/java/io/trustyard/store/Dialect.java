package io.trustyard.store;

/**
 * The SQL databases Trustyard's servers run on. Each has its own migration directory because
 * notary's schemas differ per database (types, auto-increment, timestamps).
 */
public enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql"),
  MYSQL("mysql");

  private final String directory;

  Dialect(String directory) {
    this.directory = directory;
  }

  /** The name of this dialect's migration directory, e.g. {@code db/signer/postgresql}. */
  public String directory() {
    return directory;
  }
}
