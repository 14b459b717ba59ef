/**
 * SQL plumbing shared by the servers: a pooled {@link io.trustyard.store.Database} from a URL
 * (SQLite file, PostgreSQL, MySQL/MariaDB), Flyway migrations per module and dialect, and a
 * transaction helper. Modules keep their SQL in their own store classes. Its {@code metrics}
 * package holds the Prometheus registry every server exposes on {@code /metrics}.
 */
package io.trustyard.store;
