package org.capledger.command.captable;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.capledger.api.CapTableEvent;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.IssuerId;
import org.capledger.ledger.Ledger;

/**
 * One issuer's cap table. Thin by design: every command handler asks the {@link Ledger} whether the command is
 * valid and which event it produces; the single event-sourcing handler folds events into the Ledger. Rule
 * violations surface as {@link org.capledger.api.CapledgerException} and apply no event.
 *
 * <p>Snapshotted every {@code capledger.snapshot-threshold} events (the whole Ledger is the snapshot), so
 * loading an issuer reads at most that many events after the latest snapshot.
 */
@Aggregate(snapshotTriggerDefinition = "capTableSnapshotTrigger", commandTargetResolver = "capTableTargetResolver")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CapTable {

    @AggregateIdentifier
    private IssuerId issuerId;
    private Ledger ledger;

    /**
     * For Axon and for snapshot deserialization. {@code @JsonCreator} because, with parameter names compiled in,
     * Jackson 3 would otherwise take the public {@code CreateIssuer} handler constructor as the creator and fail.
     */
    @JsonCreator
    protected CapTable() {
    }

    @CommandHandler
    public CapTable(CreateIssuer command, EffectiveDates dates) {
        apply(Ledger.empty().createIssuer(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AdjustIssuerAuthorizedShares command, EffectiveDates dates) {
        apply(ledger.adjustIssuerAuthorizedShares(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(RegisterStakeholder command, EffectiveDates dates) {
        apply(ledger.registerStakeholder(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(UpdateStakeholder command, EffectiveDates dates) {
        ledger.updateStakeholder(command, dates.latestAccepted()).ifPresent(event -> apply(event));
    }

    @CommandHandler
    void handle(CreateStockClass command, EffectiveDates dates) {
        apply(ledger.createStockClass(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(AdjustStockClassAuthorizedShares command, EffectiveDates dates) {
        apply(ledger.adjustStockClassAuthorizedShares(command, dates.latestAccepted()));
    }

    @CommandHandler
    void handle(IssueStock command, EffectiveDates dates) {
        apply(ledger.issueStock(command, dates.latestAccepted()));
    }

    @EventSourcingHandler
    void on(CapTableEvent event, @SequenceNumber long sequence) {
        if (event instanceof IssuerCreated created) {
            issuerId = created.issuerId();
            ledger = Ledger.empty();
        }
        ledger.apply(event, sequence);
    }

    /** @return the ledger as folded so far; for tests */
    Ledger ledger() {
        return ledger;
    }
}
