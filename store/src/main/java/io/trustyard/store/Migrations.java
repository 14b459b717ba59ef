package io.trustyard.store;

import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Flyway migrations, one directory per module and dialect ({@code db/<module>/<dialect>}), one
 * history table per module ({@code <module>_schema_history}) so that several modules can share a
 * database.
 *
 * <p>Migrations must be idempotent DDL ({@code CREATE TABLE IF NOT EXISTS ...}): a database made
 * by notary's own tools already has the tables and no Flyway history, so Flyway baselines it at
 * version 0 and then runs every migration, which leaves the existing tables as they are.
 */
public final class Migrations {

  private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_]{0,30}");

  private Migrations() {}

  public static void migrate(DataSource dataSource, Dialect dialect, String module) {
    if (!MODULE.matcher(module).matches()) {
      throw new IllegalArgumentException("module name '" + module + "' must match " + MODULE);
    }
    Flyway flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/" + module + "/" + dialect.directory())
        .table(module + "_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .failOnMissingLocations(true)
        .load();
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the " + module + " schema on " + dialect + ": " + e.getMessage(), e);
    }
  }
}
