package org.capledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side on its own: needs {@code SPRING_DATASOURCE_URL} (and user/password) pointing at the shared
 * PostgreSQL. See docker-compose.yml.
 */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
