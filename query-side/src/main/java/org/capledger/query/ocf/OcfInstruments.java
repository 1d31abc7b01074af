package org.capledger.query.ocf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capledger.api.CapTableEvent;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConvertibleAccepted;
import org.capledger.api.convertible.ConvertibleCancelled;
import org.capledger.api.convertible.ConvertibleConverted;
import org.capledger.api.convertible.ConvertibleIssued;
import org.capledger.api.convertible.ConvertibleRetracted;
import org.capledger.api.convertible.ConvertibleTransferred;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.WarrantAccepted;
import org.capledger.api.warrant.WarrantCancelled;
import org.capledger.api.warrant.WarrantExercised;
import org.capledger.api.warrant.WarrantIssued;
import org.capledger.api.warrant.WarrantRetracted;
import org.capledger.api.warrant.WarrantTransferred;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Warrants and convertibles, as OCF 1.2 writes them. Each issuance has one trigger, {@code <security id>.exercise}
 * (warrants: {@code ELECTIVE_AT_WILL}, since Capledger lets a warrant be exercised at any time until it expires) or
 * {@code <security id>.conversion} (convertibles: {@code UNSPECIFIED}, since Capledger does not record what triggers a
 * conversion), which exercises and conversions name. Like an option's, a warrant's exercise leaves its rest on the
 * same OCF security; cancellation balances and transferees' securities are issuances of their own.
 */
final class OcfInstruments {

    private final OcfFold fold;
    private final Map<SecurityId, Warrant> warrants = new HashMap<>();
    private final Map<SecurityId, Convertible> convertibles = new HashMap<>();

    OcfInstruments(OcfFold fold) {
        this.fold = fold;
    }

    boolean add(CapTableEvent event) {
        return warrant(event) || convertible(event);
    }

    // ---------------------------------------------------------------- warrants

    private boolean warrant(CapTableEvent event) {
        if (event instanceof WarrantIssued e) {
            Warrant w = new Warrant(e.securityId().value(), e.stakeholderId().value(), e.stockClassId().value(),
                    e.exercisePrice(), e.purchasePrice(), e.expirationDate());
            warrants.put(e.securityId(), w);
            ObjectNode tx = issuance(w, e.date(), e.securityLabel(), e.quantity());
            fold.consideration(tx, e.consideration());
        } else if (event instanceof WarrantExercised e) {
            Warrant w = warrants.get(e.securityId());
            fold.stockResults(e.date(), e.resultingStock(), w.exercisePrice == null ? fold.zero() : w.exercisePrice,
                    null);
            ObjectNode tx = fold.transaction("TX_WARRANT_EXERCISE",
                    warrantTxId("exercise", e.securityId(), e.date()), e.date());
            tx.put("security_id", w.ocfId);
            tx.put("trigger_id", w.ocfId + ".exercise");
            fold.ids(tx.putArray("resulting_security_ids"), e.resultingStock());
            fold.consideration(tx, e.consideration());
            if (e.balance() != null) {
                // OCF 1.2's warrant exercise has no balance_security_id: the rest stays on the same OCF security,
                // and its Capledger id and label are comments, for an import to give it the same
                warrants.put(e.balance().securityId(), w);
                tx.putArray("comments").add(OcfFold.CAPLEDGER + "balanceSecurityId=" + e.balance().securityId())
                        .add(OcfFold.CAPLEDGER + "balanceSecurityLabel=" + e.balance().securityLabel());
            }
        } else if (event instanceof WarrantCancelled e) {
            Warrant w = warrants.get(e.securityId());
            Warrant balance = e.balance() == null ? null : derived(w, e.balance(), w.holder, e.date());
            ObjectNode tx = fold.transaction("TX_WARRANT_CANCELLATION",
                    warrantTxId("cancellation", e.securityId(), e.date()), e.date());
            tx.put("security_id", w.ocfId);
            quantity(tx, e.quantity(), "cancelled");
            tx.put("reason_text", e.reason());
            if (balance != null) {
                tx.put("balance_security_id", balance.ocfId);
            }
        } else if (event instanceof WarrantTransferred e) {
            Warrant w = warrants.get(e.securityId());
            Warrant transferred = derived(w, e.transferred(), e.toStakeholderId().value(), e.date());
            ObjectNode tx = fold.transaction("TX_WARRANT_TRANSFER",
                    warrantTxId("transfer", e.securityId(), e.date()), e.date());
            tx.put("security_id", w.ocfId);
            quantity(tx, e.transferred().quantity(), "transferred");
            tx.putArray("resulting_security_ids").add(transferred.ocfId);
            fold.consideration(tx, e.consideration());
        } else if (event instanceof WarrantRetracted e) {
            ObjectNode tx = fold.transaction("TX_WARRANT_RETRACTION",
                    warrantTxId("retraction", e.securityId(), e.date()), e.date());
            tx.put("security_id", warrantId(e.securityId()));
            tx.put("reason_text", e.reason());
        } else if (event instanceof WarrantAccepted e) {
            ObjectNode tx = fold.transaction("TX_WARRANT_ACCEPTANCE",
                    warrantTxId("acceptance", e.securityId(), e.date()), e.date());
            tx.put("security_id", warrantId(e.securityId()));
        } else {
            return false;
        }
        return true;
    }

    /** As for grants: on a balance that carries its warrant's OCF id, an id that does not depend on the balance's. */
    private String warrantTxId(String kind, SecurityId securityId, LocalDate date) {
        Warrant w = warrants.get(securityId);
        String ocf = w == null ? securityId.value() : w.ocfId;
        return ocf.equals(securityId.value()) ? kind + "-" + ocf : fold.numbered(kind + "-" + ocf + "-" + date);
    }

    private String warrantId(SecurityId securityId) {
        Warrant w = warrants.get(securityId);
        return w == null ? securityId.value() : w.ocfId;
    }

    /**
     * OCF requires the quantity of a warrant cancellation or transfer. A warrant whose quantity a formula decides at
     * exercise has none: then {@code "0"}, with a comment saying the whole warrant was acted on.
     */
    private void quantity(ObjectNode tx, Quantity quantity, String what) {
        if (quantity != null) {
            tx.put("quantity", quantity.toString());
        } else {
            tx.put("quantity", "0");
            tx.putArray("comments").add(OcfFold.CAPLEDGER + "quantity=none: the whole warrant was " + what
                    + "; a formula decides its quantity at exercise");
        }
    }

    private Warrant derived(Warrant source, ResultingGrant created, String holder, LocalDate date) {
        Warrant w = new Warrant(created.securityId().value(), holder, source.classId, source.exercisePrice,
                source.purchasePrice, source.expiration);
        warrants.put(created.securityId(), w);
        issuance(w, date, created.securityLabel(), created.quantity());
        return w;
    }

    private ObjectNode issuance(Warrant w, LocalDate date, String label, Quantity quantity) {
        ObjectNode tx = fold.transaction("TX_WARRANT_ISSUANCE", "issuance-" + w.ocfId, date);
        tx.put("security_id", w.ocfId);
        tx.put("custom_id", label);
        tx.put("stakeholder_id", w.holder);
        tx.putArray("security_law_exemptions");
        if (quantity != null) {
            tx.put("quantity", quantity.toString());
            tx.put("quantity_source", "INSTRUMENT_FIXED");
        }
        if (w.exercisePrice != null) {
            tx.set("exercise_price", fold.money(w.exercisePrice));
        }
        tx.set("purchase_price", fold.money(w.purchasePrice));
        ObjectNode trigger = tx.putArray("exercise_triggers").addObject();
        trigger.put("type", "ELECTIVE_AT_WILL");
        trigger.put("trigger_id", w.ocfId + ".exercise");
        ObjectNode right = trigger.putObject("conversion_right");
        right.put("type", "WARRANT_CONVERSION_RIGHT");
        ObjectNode mechanism = right.putObject("conversion_mechanism");
        if (quantity != null) {
            mechanism.put("type", "FIXED_AMOUNT_CONVERSION");
            mechanism.put("converts_to_quantity", quantity.toString());
        } else {
            mechanism.put("type", "CUSTOM_CONVERSION");
            mechanism.put("custom_conversion_description", "A formula decides the number of shares at exercise");
        }
        right.put("converts_to_stock_class_id", w.classId);
        if (w.expiration != null) {
            tx.put("warrant_expiration_date", w.expiration.toString());
        }
        return tx;
    }

    private static final class Warrant {
        final String ocfId;
        final String holder;
        final String classId;
        final Money exercisePrice;
        final Money purchasePrice;
        final LocalDate expiration;

        Warrant(String ocfId, String holder, String classId, Money exercisePrice, Money purchasePrice,
                LocalDate expiration) {
            this.ocfId = ocfId;
            this.holder = holder;
            this.classId = classId;
            this.exercisePrice = exercisePrice;
            this.purchasePrice = purchasePrice;
            this.expiration = expiration;
        }
    }

    // ---------------------------------------------------------------- convertibles

    private boolean convertible(CapTableEvent event) {
        if (event instanceof ConvertibleIssued e) {
            Convertible c = new Convertible(e.securityId().value(), e.stakeholderId().value(), e.convertibleType(),
                    e.investmentAmount(), e.terms(), e.seniority(), e.proRata(), e.date());
            convertibles.put(e.securityId(), c);
            ObjectNode tx = issuance(c, e.date(), e.securityLabel());
            fold.consideration(tx, e.consideration());
        } else if (event instanceof ConvertibleConverted e) {
            Convertible c = convertibles.get(e.securityId());
            fold.stockResults(e.date(), e.resultingStock(), conversionPrice(c, e.resultingStock()), null);
            ObjectNode tx = fold.transaction("TX_CONVERTIBLE_CONVERSION", "conversion-" + e.securityId(), e.date());
            tx.put("security_id", c.ocfId);
            tx.put("trigger_id", c.ocfId + ".conversion");
            tx.put("reason_text", e.reason());
            fold.ids(tx.putArray("resulting_security_ids"), e.resultingStock());
        } else if (event instanceof ConvertibleCancelled e) {
            Convertible c = convertibles.get(e.securityId());
            ObjectNode tx = fold.transaction("TX_CONVERTIBLE_CANCELLATION", "cancellation-" + e.securityId(),
                    e.date());
            tx.put("security_id", c.ocfId);
            tx.set("amount", fold.money(c.investment));
            tx.put("reason_text", e.reason());
        } else if (event instanceof ConvertibleTransferred e) {
            Convertible c = convertibles.get(e.securityId());
            Convertible transferred = new Convertible(e.transferred().securityId().value(),
                    e.toStakeholderId().value(), c.type, c.investment, c.terms, c.seniority, c.proRata, c.issued);
            convertibles.put(e.transferred().securityId(), transferred);
            issuance(transferred, e.date(), e.transferred().securityLabel());
            ObjectNode tx = fold.transaction("TX_CONVERTIBLE_TRANSFER", "transfer-" + e.securityId(), e.date());
            tx.put("security_id", c.ocfId);
            tx.set("amount", fold.money(c.investment));
            tx.putArray("resulting_security_ids").add(transferred.ocfId);
            fold.consideration(tx, e.consideration());
        } else if (event instanceof ConvertibleRetracted e) {
            ObjectNode tx = fold.transaction("TX_CONVERTIBLE_RETRACTION", "retraction-" + e.securityId(), e.date());
            tx.put("security_id", e.securityId().value());
            tx.put("reason_text", e.reason());
        } else if (event instanceof ConvertibleAccepted e) {
            ObjectNode tx = fold.transaction("TX_CONVERTIBLE_ACCEPTANCE", "acceptance-" + e.securityId(), e.date());
            tx.put("security_id", e.securityId().value());
        } else {
            return false;
        }
        return true;
    }

    /**
     * The price per share of stock a conversion issued: the terms' conversion price, or else the investment divided
     * by the shares issued (ten decimal places), the price the holder in effect paid.
     */
    private Money conversionPrice(Convertible c, List<ResultingSecurity> stock) {
        if (c.terms != null && c.terms.conversionPrice() != null) {
            return c.terms.conversionPrice();
        }
        BigDecimal shares = stock.stream().map(r -> r.quantity().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return shares.signum() == 0 ? fold.zero() : new Money(c.investment.amount().divide(shares, 10,
                RoundingMode.HALF_UP), c.investment.currency());
    }

    /**
     * A {@code TX_CONVERTIBLE_ISSUANCE}. Its one conversion right holds what OCF's mechanism for the type can: a SAFE's
     * cap, discount and timing; a note's interest (simple, actual/365, accruing from issue to maturity), cap and
     * discount; for another convertible, a custom mechanism. Terms the mechanism has no member for, and pro rata
     * rights (a number in OCF, a yes or no here), are comments {@code capledger:<name>=<value>}.
     */
    private ObjectNode issuance(Convertible c, LocalDate date, String label) {
        ObjectNode tx = fold.transaction("TX_CONVERTIBLE_ISSUANCE", "issuance-" + c.ocfId, date);
        tx.put("security_id", c.ocfId);
        tx.put("custom_id", label);
        tx.put("stakeholder_id", c.holder);
        tx.putArray("security_law_exemptions");
        tx.put("convertible_type", c.type.name());
        tx.set("investment_amount", fold.money(c.investment));
        ConversionTerms t = c.terms == null ? new ConversionTerms(null, null, null, null, null, null, null) : c.terms;
        List<String> unwritten = new ArrayList<>();
        ObjectNode trigger = tx.putArray("conversion_triggers").addObject();
        trigger.put("type", "UNSPECIFIED");
        trigger.put("trigger_id", c.ocfId + ".conversion");
        ObjectNode right = trigger.putObject("conversion_right");
        right.put("type", "CONVERTIBLE_CONVERSION_RIGHT");
        ObjectNode mechanism = right.putObject("conversion_mechanism");
        if (c.type == ConvertibleType.SAFE) {
            mechanism.put("type", "SAFE_CONVERSION");
            capAndDiscount(mechanism, t);
            mechanism.put("conversion_mfn", false);
            if (t.timing() != null) {
                mechanism.put("conversion_timing", t.timing().name());
            }
            unwritten(unwritten, "interestRate", t.interestRate());
            unwritten(unwritten, "maturityDate", t.maturityDate());
        } else if (c.type == ConvertibleType.NOTE) {
            mechanism.put("type", "CONVERTIBLE_NOTE_CONVERSION");
            ArrayNode rates = mechanism.putArray("interest_rates");
            if (t.interestRate() != null) {
                ObjectNode rate = rates.addObject();
                rate.put("rate", t.interestRate().toPlainString());
                rate.put("accrual_start_date", c.issued.toString());
                if (t.maturityDate() != null) {
                    rate.put("accrual_end_date", t.maturityDate().toString());
                }
            } else {
                unwritten(unwritten, "maturityDate", t.maturityDate());
            }
            mechanism.put("day_count_convention", "ACTUAL_365");
            mechanism.put("interest_payout", "DEFERRED");
            mechanism.put("interest_accrual_period", "DAILY");
            mechanism.put("compounding_type", "SIMPLE");
            capAndDiscount(mechanism, t);
            unwritten(unwritten, "timing", t.timing());
        } else {
            mechanism.put("type", "CUSTOM_CONVERSION");
            mechanism.put("custom_conversion_description", "Converts into the number of shares the financing that "
                    + "triggers it works out");
            unwritten(unwritten, "valuationCap", t.valuationCap());
            unwritten(unwritten, "discount", t.discount());
            unwritten(unwritten, "timing", t.timing());
            unwritten(unwritten, "interestRate", t.interestRate());
            unwritten(unwritten, "maturityDate", t.maturityDate());
        }
        unwritten(unwritten, "conversionPrice", t.conversionPrice());
        if (t.stockClassId() != null) {
            right.put("converts_to_stock_class_id", t.stockClassId().value());
        }
        tx.put("seniority", c.seniority);
        if (c.proRata) {
            unwritten.add(OcfFold.CAPLEDGER + "proRata=true");
        }
        if (!unwritten.isEmpty()) {
            ArrayNode comments = tx.putArray("comments");
            unwritten.forEach(comments::add);
        }
        return tx;
    }

    private void capAndDiscount(ObjectNode mechanism, ConversionTerms t) {
        if (t.discount() != null) {
            mechanism.put("conversion_discount", t.discount().toPlainString());
        }
        if (t.valuationCap() != null) {
            mechanism.set("conversion_valuation_cap", fold.money(t.valuationCap()));
        }
    }

    private static void unwritten(List<String> comments, String name, Object value) {
        if (value != null) {
            String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            comments.add(OcfFold.CAPLEDGER + name + "=" + text);
        }
    }

    private static final class Convertible {
        final String ocfId;
        final String holder;
        final ConvertibleType type;
        final Money investment;
        final ConversionTerms terms;
        final int seniority;
        final boolean proRata;
        final LocalDate issued;

        Convertible(String ocfId, String holder, ConvertibleType type, Money investment, ConversionTerms terms,
                    int seniority, boolean proRata, LocalDate issued) {
            this.ocfId = ocfId;
            this.holder = holder;
            this.type = type;
            this.investment = investment;
            this.terms = terms;
            this.seniority = seniority;
            this.proRata = proRata;
            this.issued = issued;
        }
    }
}
