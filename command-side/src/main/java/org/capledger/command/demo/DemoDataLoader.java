package org.capledger.command.demo;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.capledger.api.CapTableCommand;
import org.capledger.api.MetaDataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code capledger.demo-data=true} ({@code CAPLEDGER_DEMO_DATA=true}), records {@link DemoCompany} at start
 * through the ordinary command path (same rules, same events, actor {@code system}, marked {@code demo}), unless it
 * is already there.
 */
@Component
@ConditionalOnBooleanProperty("capledger.demo-data")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CommandGateway commands;
    private final EventStore eventStore;

    DemoDataLoader(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.lastSequenceNumberFor(DemoCompany.ISSUER.value()).isPresent()) {
            log.info("Demo company {} already recorded", DemoCompany.ISSUER);
            return;
        }
        for (CapTableCommand command : DemoCompany.commands()) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .withMetaData(Map.of(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM, MetaDataKeys.DEMO, "true")));
        }
        log.info("Recorded demo company {} ({} commands)", DemoCompany.ISSUER, DemoCompany.commands().size());
    }
}
