package org.capledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side on its own: needs {@code SPRING_DATASOURCE_URL} (and user/password) pointing at the shared
 * PostgreSQL. Several instances share the work through the token store's segments.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
