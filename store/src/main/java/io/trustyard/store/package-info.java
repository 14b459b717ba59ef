/** SQL plumbing shared by the servers: data sources, migrations, transactions. */
package io.trustyard.store;
