package org.capledger.platform;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Axon settings every deployable shares: serialization and the event store's reading of database errors. */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * Axon's {@code ReplayToken} declares {@code @JsonTypeInfo} on an {@code Object} field, which Jackson 3's
     * default validator refuses outright, so a token written during a projection rebuild could not be read back
     * and the processor would stop. This validator allows polymorphic values only of Axon's and Capledger's types.
     */
    @Bean
    Jackson3SerializerCustomizer capledgerTypeValidator() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.capledger.")
                .build());
    }

    /**
     * PostgreSQL reports a duplicate (aggregate, sequence) as SQLSTATE 23505 in a plain {@code PSQLException},
     * which Axon's default JDBC resolver does not recognise; without this, two writers racing on one issuer got
     * a generic store error instead of a {@code ConcurrencyException} that the command executor retries.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new SQLStateResolver("23505");
    }
}
