package org.capledger.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capledger.api.CapTableEvent;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/**
 * One issuer's ledger together with its recorded event stream, as the aggregate keeps them: accepted events are
 * folded with their stream position as sequence. Also builds commands with unremarkable defaults, so a test
 * spells out only what it is about.
 */
final class Books {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    static final LocalDate FORMED = LocalDate.of(2020, 1, 1);
    static final IssuerId ISSUER = IssuerId.of("acme");

    final Ledger ledger = Ledger.empty();
    final List<CapTableEvent> events = new ArrayList<>();

    <E extends CapTableEvent> E record(E event) {
        ledger.apply(event, events.size());
        events.add(event);
        return event;
    }

    /** @return a fresh ledger folded from the events effective on or before {@code date}, as the as-of replay does */
    Ledger asOf(LocalDate date) {
        Ledger past = Ledger.empty();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            CapTableEvent event = events.get(sequence);
            if (!event.appliesFrom().isAfter(date)) {
                past.apply(event, sequence);
            }
        }
        return past;
    }

    // ---------------------------------------------------------------- commands

    static CreateIssuer createIssuer(Long issuerAuthorized) {
        return new CreateIssuer(ISSUER, "Acme Corp", FORMED, "US", "DE", null,
                issuerAuthorized == null ? null : Quantity.of(issuerAuthorized));
    }

    static AdjustIssuerAuthorizedShares adjustIssuer(LocalDate date, long authorized) {
        return new AdjustIssuerAuthorizedShares(ISSUER, date, Quantity.of(authorized), null, null, null);
    }

    static RegisterStakeholder register(String id, String name, LocalDate date, String email) {
        return new RegisterStakeholder(ISSUER, StakeholderId.of(id), date, StakeholderType.INDIVIDUAL,
                new StakeholderName(name, null, null), email, StakeholderRelationship.FOUNDER, null, null);
    }

    static UpdateStakeholder update(String id, LocalDate date, String name, String email, boolean clearEmail,
                                    StakeholderRelationship relationship) {
        return new UpdateStakeholder(ISSUER, StakeholderId.of(id), date,
                name == null ? null : new StakeholderName(name, null, null), email, clearEmail, relationship,
                null, false, null, false);
    }

    static CreateStockClass createClass(String id, String name, String prefix, LocalDate date, String authorized,
                                        boolean fractional) {
        return createClass(id, name, prefix, date, authorized, fractional, 1);
    }

    static CreateStockClass createClass(String id, String name, String prefix, LocalDate date, String authorized,
                                        boolean fractional, long votesPerShare) {
        return new CreateStockClass(ISSUER, StockClassId.of(id), date, name, StockClassType.COMMON, prefix,
                Money.of("0.0001", "USD"), Quantity.of(votesPerShare), 1, Quantity.of(authorized), fractional, null);
    }

    static AdjustStockClassAuthorizedShares adjustClass(String id, LocalDate date, String authorized) {
        return new AdjustStockClassAuthorizedShares(ISSUER, StockClassId.of(id), date, Quantity.of(authorized),
                null, null, null);
    }

    static IssueStock issue(String securityId, String holder, String stockClass, LocalDate date, String quantity) {
        return new IssueStock(ISSUER, SecurityId.of(securityId), date, StakeholderId.of(holder),
                StockClassId.of(stockClass), Quantity.of(quantity), new Money(BigDecimal.ONE, "USD"), null);
    }
}
