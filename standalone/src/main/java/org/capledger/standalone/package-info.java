/**
 * Command side and query side in one process: the default way to run Capledger. With no
 * {@code spring.datasource.url} it starts an embedded PostgreSQL whose data lives in
 * {@code capledger.embedded-db.data-directory} (default {@code ./data}).
 */
package org.capledger.standalone;
