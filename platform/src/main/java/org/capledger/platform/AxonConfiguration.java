package org.capledger.platform;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
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
     * Axon's JDBC storage gets its connections from Spring's transaction, as is, without Axon Boot's default
     * {@code UnitOfWorkAwareConnectionProviderWrapper}. That wrapper rolls the connection back whenever a unit of
     * work rolls back, and so, inside a larger Spring transaction (a REST command's several commands, an OCF
     * import's thousands), a command the ledger refuses silently undid everything recorded before it in the same
     * transaction while Spring still took the transaction for active. Here every unit of work runs in a Spring
     * transaction (Axon's {@code SpringTransactionManager} starts or joins one), so Spring alone commits and rolls
     * back; a refused command applies no event.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
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
