package org.capledger.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Read-model persistence and event-processing policy. Any exception in a projection propagates: the tracking
 * processor rolls the batch back (rows and token together), marks itself in error (visible in
 * {@code /actuator/health/readiness}) and retries with back-off. No event is ever skipped silently. Scheduling is on
 * for the certificate mailer.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackages = "org.capledger.query")
@EnableJpaRepositories(basePackages = "org.capledger.query")
@EnableScheduling
public class QuerySideConfiguration {

    /** The processing group every projection belongs to. */
    public static final String READ_MODELS = "read-models";

    @Bean
    ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
