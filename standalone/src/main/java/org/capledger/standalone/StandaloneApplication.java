package org.capledger.standalone;

import org.capledger.command.CommandSideApplication;
import org.capledger.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Runs both sides in one JVM: {@code ./mvnw -pl standalone -am spring-boot:run} (see README). With {@code ocf ...}
 * as its arguments it runs an OCF import, validation or export instead ({@link OcfCommandLine}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"org.capledger.standalone", "org.capledger.command", "org.capledger.query"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class StandaloneApplication {

    public static void main(String[] args) {
        if (OcfCommandLine.handles(args)) {
            System.exit(new OcfCommandLine(System.out, System.err).run(args));
        }
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
