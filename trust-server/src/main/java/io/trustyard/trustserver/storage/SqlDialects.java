package io.trustyard.trustserver.storage;

import io.trustyard.store.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** How notary-server's columns read and write on each dialect. */
final class SqlDialects {
  private SqlDialects() {}

  /** notary-server's columns are zone-less timestamps holding UTC; our SQLite schema keeps ISO text. */
  static void setTime(Dialect dialect, PreparedStatement ps, int index, Instant time) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      ps.setString(index, time.toString());
    } else {
      ps.setObject(index, LocalDateTime.ofInstant(time, ZoneOffset.UTC));
    }
  }

  static Instant getTime(Dialect dialect, ResultSet rs, String column) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      String s = rs.getString(column);
      return s == null ? null : Instant.parse(s);
    }
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /** Unique-key violations and lost write races: someone else stored this version first. */
  static boolean isConflict(Dialect dialect, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState() == null ? "" : s.getSQLState();
        int code = s.getErrorCode();
        boolean conflict = switch (dialect) {
          case POSTGRESQL -> state.equals("23505") || state.equals("40001") || state.equals("40P01");
          case MYSQL -> code == 1062 || code == 1022 || code == 1213 || state.equals("40001");
          // SQLITE_CONSTRAINT (19) and its extended UNIQUE / PRIMARYKEY codes.
          case SQLITE -> code == 19 || code == 2067 || code == 1555;
        };
        if (conflict) {
          return true;
        }
      }
    }
    return false;
  }
}
