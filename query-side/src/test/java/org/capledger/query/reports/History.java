package org.capledger.query.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.capledger.api.CapTableEvent;
import org.capledger.api.convertible.ConvertibleConverted;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.issuer.IssuerAuthorizedSharesAdjusted;
import org.capledger.api.issuer.IssuerCreated;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockCancelled;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stock.StockConsolidated;
import org.capledger.api.stock.StockConverted;
import org.capledger.api.stock.StockReissued;
import org.capledger.api.stock.StockRepurchased;
import org.capledger.api.stock.StockRetracted;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.warrant.WarrantExercised;
import org.capledger.api.warrant.WarrantIssued;

/**
 * A hand-made event stream: events built directly, never decided by the Ledger, so a test can record a history the
 * Ledger would have refused. Each event gets the next sequence number. Dates are ISO strings, quantities longs.
 */
final class History {

    static final IssuerId ISSUER = IssuerId.of("acme");

    final List<RecordedEvent> events = new ArrayList<>();

    History add(CapTableEvent event) {
        events.add(new RecordedEvent(events.size(), event));
        return this;
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static Quantity q(long quantity) {
        return Quantity.of(quantity);
    }

    static ResultingSecurity result(String id, String label, String holder, String stockClass, long quantity) {
        return new ResultingSecurity(SecurityId.of(id), label, StakeholderId.of(holder), StockClassId.of(stockClass),
                q(quantity));
    }

    History formed(String date, Long issuerAuthorized) {
        return add(new IssuerCreated(ISSUER, "Acme Corp", d(date), "US", "DE", null,
                issuerAuthorized == null ? null : q(issuerAuthorized)));
    }

    History issuerAuthorized(String date, long authorized) {
        return add(new IssuerAuthorizedSharesAdjusted(ISSUER, d(date), q(authorized), null, null, null));
    }

    History stockClass(String id, String name, String prefix, String date, long authorized) {
        return add(new StockClassCreated(ISSUER, StockClassId.of(id), d(date), name, StockClassType.COMMON, prefix,
                null, q(1), 1, q(authorized), false, List.of()));
    }

    History classAuthorized(String id, String date, long authorized) {
        return add(new StockClassAuthorizedSharesAdjusted(ISSUER, StockClassId.of(id), d(date), q(authorized), null,
                null, null));
    }

    History issue(String id, String label, String holder, String stockClass, long quantity, String date) {
        return add(new StockIssued(ISSUER, SecurityId.of(id), d(date), label, StakeholderId.of(holder),
                StockClassId.of(stockClass), q(quantity), Money.of("1", "USD"), null));
    }

    History transfer(String id, String date, long quantity, ResultingSecurity balance, ResultingSecurity... results) {
        return add(new StockTransferred(ISSUER, SecurityId.of(id), d(date), q(quantity), null, Arrays.asList(results),
                balance));
    }

    History cancel(String id, String date, long quantity, ResultingSecurity balance) {
        return add(new StockCancelled(ISSUER, SecurityId.of(id), d(date), q(quantity), "Test", balance));
    }

    History repurchase(String id, String date, long quantity, ResultingSecurity balance) {
        return add(new StockRepurchased(ISSUER, SecurityId.of(id), d(date), q(quantity), Money.of("2", "USD"), null,
                balance));
    }

    History reissue(String id, String date, ResultingSecurity... results) {
        return add(new StockReissued(ISSUER, SecurityId.of(id), d(date), "Test", Arrays.asList(results), null));
    }

    History retract(String id, String date, String voidFrom) {
        return add(new StockRetracted(ISSUER, SecurityId.of(id), d(date), "Test", d(voidFrom)));
    }

    History convert(String id, String date, long quantity, String toClass, Ratio ratio, ResultingSecurity balance,
                    ResultingSecurity... results) {
        return add(new StockConverted(ISSUER, SecurityId.of(id), d(date), q(quantity), StockClassId.of(toClass), ratio,
                Arrays.asList(results), balance));
    }

    History consolidate(String date, ResultingSecurity result, String... ids) {
        return add(new StockConsolidated(ISSUER, Arrays.stream(ids).map(SecurityId::of).toList(), d(date), null,
                result));
    }

    History split(String stockClass, String date, Ratio ratio, Long newAuthorized,
                  List<StockClassSplit.Replacement> replacements, List<StockClassSplit.Adjustment> grants) {
        return add(new StockClassSplit(ISSUER, StockClassId.of(stockClass), d(date), ratio,
                newAuthorized == null ? null : q(newAuthorized), null, replacements, grants, List.of(), List.of()));
    }

    static StockClassSplit.Replacement replaced(String sourceId, ResultingSecurity by) {
        return new StockClassSplit.Replacement(SecurityId.of(sourceId), by);
    }

    History grant(String id, String label, String holder, String stockClass, long quantity, String date) {
        return add(new EquityCompensationIssued(ISSUER, SecurityId.of(id), d(date), label, StakeholderId.of(holder),
                null, StockClassId.of(stockClass), CompensationType.OPTION_NSO, q(quantity), Money.of("0.1", "USD"),
                null, true, null, null, d(date).plusYears(10), List.of(), null, null));
    }

    History exercise(String grantId, String date, long quantity, ResultingGrant balance, ResultingSecurity... stock) {
        return add(new EquityCompensationExercised(ISSUER, SecurityId.of(grantId), d(date), q(quantity), null,
                Arrays.asList(stock), balance));
    }

    History warrant(String id, String label, String holder, String stockClass, Long quantity, String date) {
        return add(new WarrantIssued(ISSUER, SecurityId.of(id), d(date), label, StakeholderId.of(holder),
                StockClassId.of(stockClass), quantity == null ? null : q(quantity), Money.of("1", "USD"),
                Money.of("100", "USD"), null, null));
    }

    History exerciseWarrant(String id, String date, long quantity, ResultingGrant balance,
                            ResultingSecurity... stock) {
        return add(new WarrantExercised(ISSUER, SecurityId.of(id), d(date), q(quantity), null, Arrays.asList(stock),
                balance));
    }

    History convertible(String id, String label, String holder, String date) {
        return add(new ConvertibleIssued(ISSUER, SecurityId.of(id), d(date), label, StakeholderId.of(holder),
                ConvertibleType.SAFE, Money.of("50000", "USD"), null, 1, false, null));
    }

    History convertConvertible(String id, String date, ResultingSecurity... stock) {
        return add(new ConvertibleConverted(ISSUER, SecurityId.of(id), d(date), "Financing", Arrays.asList(stock)));
    }

    static ResultingGrant balanceGrant(String id, String label, long quantity) {
        return new ResultingGrant(SecurityId.of(id), label, q(quantity));
    }
}
