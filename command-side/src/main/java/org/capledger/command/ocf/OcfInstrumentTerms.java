package org.capledger.command.ocf;

import static org.capledger.command.ocf.OcfTransactions.capledgerComment;
import static org.capledger.command.ocf.OcfTransactions.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.capledger.api.CapledgerException;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConversionTiming;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;
import org.capledger.command.ocf.OcfImportProblems.MappingException;
import org.capledger.platform.ocf.OcfReport.Rule;
import tools.jackson.databind.JsonNode;

/**
 * What a {@code TX_WARRANT_ISSUANCE} or {@code TX_CONVERTIBLE_ISSUANCE} says about the instrument, in Capledger's
 * terms: the reading of docs/ocf.md, "Import", "Warrants and convertibles". Whatever Capledger would record
 * differently from what the package says (a second way to convert, an estimated quantity, compounding interest) is a
 * {@link MappingException}, never dropped.
 */
final class OcfInstrumentTerms {

    private OcfInstrumentTerms() {
    }

    /** A warrant's terms; {@code quantity} null for a warrant whose quantity a formula decides at exercise. */
    record Warrant(String holder, String stockClassId, Quantity quantity, Money exercisePrice, Money purchasePrice,
                   LocalDate expiration) {

        Warrant withQuantity(Quantity newQuantity) {
            return new Warrant(holder, stockClassId, newQuantity, exercisePrice, purchasePrice, expiration);
        }

        /** The same terms, whoever holds it. */
        boolean sameTerms(Warrant other) {
            return stockClassId.equals(other.stockClassId) && Objects.equals(quantity, other.quantity)
                    && Objects.equals(exercisePrice, other.exercisePrice)
                    && Objects.equals(purchasePrice, other.purchasePrice)
                    && Objects.equals(expiration, other.expiration);
        }
    }

    /** A convertible's terms; {@code issued} is when its interest starts accruing. */
    record Convertible(String holder, ConvertibleType type, Money investment, ConversionTerms terms, int seniority,
                       boolean proRata, LocalDate issued) {

        /** The same terms, whoever holds it. */
        boolean sameTerms(Convertible other) {
            return type == other.type && investment.equals(other.investment) && Objects.equals(terms, other.terms)
                    && seniority == other.seniority && proRata == other.proRata;
        }
    }

    /**
     * A warrant issuance: the class of its exercise triggers' conversion right, its {@code quantity} or the
     * {@code FIXED_AMOUNT_CONVERSION}'s, or none for a {@code CUSTOM_CONVERSION} without one (a formula).
     */
    static Warrant warrant(JsonNode tx) {
        if (tx.hasNonNull("vesting_terms_id") || !tx.path("vestings").isEmpty()) {
            throw OcfImportProblems.unsupported("A warrant with vesting");
        }
        JsonNode right = onlyConversionRight(tx, "exercise_triggers", "warrant");
        String classId = text(right, "converts_to_stock_class_id");
        if (right.path("converts_to_future_round").asBoolean(false) || classId == null) {
            throw OcfImportProblems.unsupported("A warrant that converts into a future round rather than a stock "
                    + "class");
        }
        String source = text(tx, "quantity_source");
        if (source != null && !source.equals("INSTRUMENT_FIXED")) {
            throw OcfImportProblems.unsupported("A warrant whose quantity_source is " + source
                    + " (Capledger records a fixed quantity, or none)");
        }
        Quantity quantity = tx.hasNonNull("quantity") ? Quantity.of(text(tx, "quantity")) : null;
        JsonNode mechanism = right.path("conversion_mechanism");
        String type = text(mechanism, "type");
        if ("FIXED_AMOUNT_CONVERSION".equals(type)) {
            Quantity fixed = Quantity.of(text(mechanism, "converts_to_quantity"));
            if (quantity != null && !quantity.equals(fixed)) {
                throw new MappingException(Rule.INCONSISTENT, "The warrant's quantity is " + quantity
                        + ", but its FIXED_AMOUNT_CONVERSION converts to " + fixed);
            }
            quantity = fixed;
        } else if ("CUSTOM_CONVERSION".equals(type)) {
            if (quantity != null) {
                throw OcfImportProblems.unsupported("A warrant with a quantity and a CUSTOM_CONVERSION");
            }
        } else {
            throw OcfImportProblems.unsupported("A warrant converting by " + type);
        }
        return new Warrant(text(tx, "stakeholder_id"), classId, quantity,
                tx.hasNonNull("exercise_price") ? money(tx.get("exercise_price")) : null,
                money(tx.get("purchase_price")), date(tx, "warrant_expiration_date"));
    }

    /**
     * A convertible issuance. Its conversion right's mechanism gives what it has members for: a
     * {@code SAFE_CONVERSION}'s cap, discount and timing; a {@code CONVERTIBLE_NOTE_CONVERSION}'s cap, discount and
     * simple interest (actual/365, accruing daily from {@code accrualStart} to the maturity date, paid at conversion);
     * a {@code CUSTOM_CONVERSION} nothing. The rest comes from the comments {@code capledger:<term>=<value>}.
     *
     * @param accrualStart the day interest starts accruing: the issue date, or a transferred convertible's source's
     */
    static Convertible convertible(JsonNode tx, LocalDate accrualStart) {
        ConvertibleType type = enumValue(ConvertibleType.class, text(tx, "convertible_type"), "convertible_type");
        JsonNode right = onlyConversionRight(tx, "conversion_triggers", "convertible");
        String classId = right.path("converts_to_future_round").asBoolean(false) ? null
                : text(right, "converts_to_stock_class_id");
        JsonNode mechanism = right.path("conversion_mechanism");
        String mechanismType = text(mechanism, "type");
        Money cap = null;
        BigDecimal discount = null;
        ConversionTiming timing = null;
        BigDecimal rate = null;
        LocalDate maturity = null;
        switch (mechanismType == null ? "" : mechanismType) {
            case "SAFE_CONVERSION" -> {
                onlyMembers(mechanism, mechanismType, Set.of("type", "conversion_discount",
                        "conversion_valuation_cap", "conversion_mfn", "conversion_timing"));
                noMfn(mechanism);
                cap = mechanism.hasNonNull("conversion_valuation_cap")
                        ? money(mechanism.get("conversion_valuation_cap")) : null;
                discount = decimal(mechanism, "conversion_discount");
                timing = mechanism.hasNonNull("conversion_timing") ? enumValue(ConversionTiming.class,
                        text(mechanism, "conversion_timing"), "conversion_timing") : null;
            }
            case "CONVERTIBLE_NOTE_CONVERSION" -> {
                onlyMembers(mechanism, mechanismType, Set.of("type", "interest_rates", "day_count_convention",
                        "interest_payout", "interest_accrual_period", "compounding_type", "conversion_discount",
                        "conversion_valuation_cap", "conversion_mfn"));
                noMfn(mechanism);
                cap = mechanism.hasNonNull("conversion_valuation_cap")
                        ? money(mechanism.get("conversion_valuation_cap")) : null;
                discount = decimal(mechanism, "conversion_discount");
                JsonNode rates = mechanism.path("interest_rates");
                if (rates.size() > 1) {
                    throw OcfImportProblems.unsupported("A note with " + rates.size() + " interest rates");
                }
                if (rates.size() == 1) {
                    requireConvention(mechanism, "day_count_convention", "ACTUAL_365");
                    requireConvention(mechanism, "interest_payout", "DEFERRED");
                    requireConvention(mechanism, "interest_accrual_period", "DAILY");
                    requireConvention(mechanism, "compounding_type", "SIMPLE");
                    JsonNode only = rates.get(0);
                    rate = decimal(only, "rate");
                    LocalDate start = date(only, "accrual_start_date");
                    if (!accrualStart.equals(start)) {
                        throw OcfImportProblems.unsupported("Interest accruing from " + start + " rather than from "
                                + accrualStart + ", the note's issue date");
                    }
                    maturity = date(only, "accrual_end_date");
                }
            }
            case "CUSTOM_CONVERSION" -> {
                // the description is prose: every term is in the comments
            }
            default -> throw OcfImportProblems.unsupported("A convertible converting by " + mechanismType);
        }
        cap = either(cap, commentMoney(tx, "valuationCap"), "valuationCap");
        discount = either(discount, commentDecimal(tx, "discount"), "discount");
        String timingComment = capledgerComment(tx, "timing");
        timing = either(timing, timingComment == null ? null
                : enumValue(ConversionTiming.class, timingComment, "capledger:timing"), "timing");
        rate = either(rate, commentDecimal(tx, "interestRate"), "interestRate");
        String maturityComment = capledgerComment(tx, "maturityDate");
        maturity = either(maturity, maturityComment == null ? null : parseDate(maturityComment, "maturityDate"),
                "maturityDate");
        Money conversionPrice = commentMoney(tx, "conversionPrice");
        ConversionTerms terms = classId == null && cap == null && discount == null && timing == null
                && conversionPrice == null && rate == null && maturity == null ? null
                : new ConversionTerms(classId == null ? null : StockClassId.of(classId), cap, discount, timing,
                conversionPrice, rate, maturity);
        return new Convertible(text(tx, "stakeholder_id"), type, money(tx.get("investment_amount")), terms,
                tx.path("seniority").asInt(), proRata(tx), accrualStart);
    }

    /**
     * Pro rata rights: Capledger's export says {@code capledger:proRata=true}; OCF's {@code pro_rata} is the amount of
     * them, which Capledger does not keep: a positive amount is a yes.
     */
    private static boolean proRata(JsonNode tx) {
        if ("true".equals(capledgerComment(tx, "proRata"))) {
            return true;
        }
        String amount = text(tx, "pro_rata");
        return amount != null && new BigDecimal(amount).signum() > 0;
    }

    /**
     * The one conversion right of an instrument's triggers. Several triggers are fine when they convert alike (a
     * note converting at maturity or at the next financing): Capledger records the conversion, not its trigger.
     */
    private static JsonNode onlyConversionRight(JsonNode tx, String triggers, String kind) {
        List<JsonNode> rights = new ArrayList<>();
        for (JsonNode trigger : tx.path(triggers)) {
            JsonNode right = trigger.path("conversion_right");
            if (!rights.contains(right)) {
                rights.add(right);
            }
        }
        if (rights.size() != 1) {
            throw OcfImportProblems.unsupported("A " + kind + " whose " + triggers + " have " + rights.size()
                    + " different conversion rights");
        }
        return rights.get(0);
    }

    private static void onlyMembers(JsonNode mechanism, String type, Set<String> known) {
        for (String member : mechanism.propertyNames()) {
            if (!known.contains(member)) {
                throw OcfImportProblems.unsupported("A " + type + " with " + member);
            }
        }
    }

    private static void noMfn(JsonNode mechanism) {
        if (mechanism.path("conversion_mfn").asBoolean(false)) {
            throw OcfImportProblems.unsupported("A convertible with most-favoured-nation terms (conversion_mfn)");
        }
    }

    private static void requireConvention(JsonNode mechanism, String member, String value) {
        if (!value.equals(text(mechanism, member))) {
            throw OcfImportProblems.unsupported("A note's " + member + " " + text(mechanism, member)
                    + " (Capledger counts simple interest, ACTUAL_365, accruing DAILY, paid DEFERRED)");
        }
    }

    /** A term the mechanism and a comment both give must agree. */
    private static <T> T either(T fromMechanism, T fromComment, String name) {
        boolean differ = fromMechanism instanceof BigDecimal a && fromComment instanceof BigDecimal b
                ? a.compareTo(b) != 0 : !Objects.equals(fromMechanism, fromComment);
        if (fromMechanism != null && fromComment != null && differ) {
            throw new MappingException(Rule.INCONSISTENT, "The conversion mechanism's " + name + " is "
                    + fromMechanism + ", but the comment capledger:" + name + " says " + fromComment);
        }
        return fromMechanism != null ? fromMechanism : fromComment;
    }

    /** A comment {@code capledger:<name>=<amount> <currency>}, as the export writes money. */
    private static Money commentMoney(JsonNode tx, String name) {
        String value = capledgerComment(tx, name);
        if (value == null) {
            return null;
        }
        String[] parts = value.strip().split(" ");
        try {
            if (parts.length == 2) {
                return Money.of(parts[0], parts[1]);
            }
        } catch (CapledgerException e) {
            // reported below
        }
        throw OcfImportProblems.unsupported("The comment capledger:" + name + "=" + value
                + " (not \"<amount> <currency>\")");
    }

    private static BigDecimal commentDecimal(JsonNode tx, String name) {
        String value = capledgerComment(tx, name);
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw OcfImportProblems.unsupported("The comment capledger:" + name + "=" + value + " (not a number)");
        }
    }

    private static BigDecimal decimal(JsonNode node, String member) {
        String value = text(node, member);
        return value == null ? null : new BigDecimal(value);
    }

    private static Money money(JsonNode money) {
        return Money.of(text(money, "amount"), text(money, "currency"));
    }

    private static LocalDate date(JsonNode node, String member) {
        String value = text(node, member);
        return value == null ? null : LocalDate.parse(value);
    }

    private static LocalDate parseDate(String value, String name) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw OcfImportProblems.unsupported("The comment capledger:" + name + "=" + value + " (not a date)");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String member) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw OcfImportProblems.unsupported(member + " \"" + value + "\"");
        }
    }
}
