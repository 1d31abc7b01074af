package org.capledger.platform;

import java.time.Clock;

import org.capledger.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Registers the shared infrastructure in every Capledger application. */
/* before Axon's JDBC auto-configuration, so its conditional defaults back off */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@Import({ProblemResponses.class, OpenApiConfiguration.class, AxonConfiguration.class})
public class PlatformAutoConfiguration {

    /** The system clock in UTC; tests replace it with a fixed one. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
