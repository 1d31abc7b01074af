package org.capledger.platform;

import java.time.Clock;

import org.capledger.platform.security.SecurityConfiguration;
import org.capledger.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Registers the shared infrastructure in every Capledger application. */
/*
 * Placed between Spring Boot's data source and transaction auto-configuration and Axon's. Axon 4.13 names
 * Boot 3 packages in its ordering hints, so without this, Axon's conditional event store, snapshotter and
 * Spring transaction manager could be evaluated before the data source exists (the command side alone then
 * failed to start); it also lets Axon's defaults back off for the beans declared here.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
@Import({ProblemResponses.class, OpenApiConfiguration.class, AxonConfiguration.class, SecurityConfiguration.class})
public class PlatformAutoConfiguration {

    /** The system clock in UTC; tests replace it with a fixed one. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
