package org.capledger.query.compliance;

import static org.capledger.query.compliance.Numbers.FIFTEEN_PERCENT;
import static org.capledger.query.compliance.Numbers.HUNDRED;
import static org.capledger.query.compliance.Numbers.countFigure;
import static org.capledger.query.compliance.Numbers.dollars;
import static org.capledger.query.compliance.Numbers.grouped;
import static org.capledger.query.compliance.Numbers.plain;
import static org.capledger.query.compliance.Numbers.require;
import static org.capledger.query.compliance.Numbers.requireUsd;
import static org.capledger.query.compliance.Numbers.textFigure;
import static org.capledger.query.compliance.Numbers.usdFigure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StockClassId;

/**
 * Compensatory sales in reliance on Rule 701 (17 CFR 230.701) against its limits: the aggregate sales price or
 * amount of securities sold in any consecutive 12-month period must not exceed the greatest of (d)(3)(i)
 * $1,000,000, (ii) 15% of the issuer's total assets and (iii) 15% of the outstanding amount of the class, both
 * measured at the most recent balance sheet date; and above $10,000,000 in 12 months the issuer owes the
 * disclosure of 230.701(e).
 *
 * <h2>Pricing, (d)(4)</h2>
 * Options at their exercise price, determined at grant whenever they become exercisable; other securities at the
 * consideration received, or for services at the value of the securities, on the date of sale. Options and other
 * rights count as the securities they deliver ((d)(4)(iii)). Exercising a Rule 701 option is not a new sale here:
 * the grant was counted. The caller supplies only sales made in reliance on Rule 701.
 *
 * <h2>Windows</h2>
 * The 12 months ending on a day D run from the day after D's date twelve months earlier through D. The as-of
 * window ends on the as-of date; the peak is taken over every window ending on an issuance date up to it (a
 * window's total changes only on an issuance date, so the highest total of "any consecutive 12-month period" is
 * found among them). Every window is measured against the same total assets and outstanding amounts, those of the
 * balance sheet given; a caller with other balance sheets for earlier windows runs one calculation per balance
 * sheet.
 *
 * <h2>How the limit in securities is compared, (d)(3)(iii)</h2>
 * (i) and (ii) are dollar amounts and are compared with the aggregate sales price. (iii) is "15% of the
 * outstanding amount of the class", a number of securities, so it is compared with the amount of securities of
 * that class sold in the window (the rule caps "the aggregate sales price or amount of securities sold"), as the
 * SEC's 1999 amendments (Release 33-7645) framed it and as practitioners apply it ("the 15% of shares test"). The
 * limits being in different units, "the greatest" is read as the limit the window's sales use the smallest part
 * of (sales ÷ limit, compared exactly): the sales are within the rule exactly when they are within that one, that
 * is within at least one of the three; at a limit is within it ("must not exceed"). When several classes are sold,
 * (iii) is applied class by class and holds only when every class sold is within 15% of its own outstanding
 * amount, while (i) and (ii) apply to the aggregate of all classes; a window is not split between (iii) for some
 * classes and a dollar limit for others (the conservative reading). On equal use the rule's order decides; a window
 * without sales reports the larger dollar limit.
 *
 * <h2>Disclosure, (e)</h2>
 * Required when the aggregate sales price in the window exceeds $10,000,000; at exactly $10,000,000 it is not.
 *
 * <p>Sources: 17 CFR 230.701(d)(3), (d)(4), (e) (as amended by Release 33-10520, 2018, which set $10 million);
 * Release 33-7645 (1999).
 */
public final class Rule701 {

    static final String SRC_WINDOW = "17 CFR 230.701(d)(3): during any consecutive 12-month period";
    static final String SRC_OPTION = "17 CFR 230.701(d)(4)(i), (ii)(A): options valued at the exercise price, "
            + "determined when the grant is made";
    static final String SRC_STOCK = "17 CFR 230.701(d)(4)(i), (ii)(C): consideration received, or the value of the "
            + "securities issued for services, on the date of sale";
    static final String SRC_AGGREGATE = "17 CFR 230.701(d)(3), (d)(4)(iii): aggregate sales price; securities "
            + "acquirable on exercise or conversion count as sold";
    static final String SRC_ONE_MILLION = "17 CFR 230.701(d)(3)(i): $1,000,000";
    static final String SRC_ASSETS = "17 CFR 230.701(d)(3)(ii): 15% of total assets, measured at the most recent "
            + "balance sheet date";
    static final String SRC_CLASS = "17 CFR 230.701(d)(3)(iii): 15% of the outstanding amount of the class, measured "
            + "at the most recent balance sheet date; compared with the amount of securities of the class sold";
    static final String SRC_GREATEST = "17 CFR 230.701(d)(3): must not exceed the greatest of (i), (ii) and (iii); "
            + "greatest read as the limit the sales use the smallest part of (see Rule701)";
    static final String SRC_DISCLOSURE = "17 CFR 230.701(e): disclosure if the aggregate sales price in any "
            + "consecutive 12-month period exceeds $10 million";
    static final String SRC_PEAK = "17 CFR 230.701(d)(3), (e): any consecutive 12-month period; a window's total "
            + "changes only on an issuance date";

    static final BigDecimal ONE_MILLION = BigDecimal.valueOf(1_000_000);
    static final BigDecimal DISCLOSURE_THRESHOLD = BigDecimal.valueOf(10_000_000);

    private Rule701() {
    }

    /**
     * Computes the as-of window, the peak window and every window's pass/fail up to {@code input.asOf()}.
     *
     * @return the report with its working; never {@code null}
     * @throws CapledgerException INVALID_VALUE when a required field is missing, a quantity is not positive, the
     *                            balance sheet is dated after the as-of date, a class is listed twice in the
     *                            outstanding amounts or a class sold has none; INVALID_MONEY when an amount is
     *                            missing or not in USD
     */
    public static Rule701Report compute(Rule701Input input) {
        require(input, "input");
        LocalDate asOf = require(input.asOf(), "asOf");
        LocalDate balanceSheetDate = require(input.balanceSheetDate(), "balanceSheetDate");
        if (balanceSheetDate.isAfter(asOf)) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "balanceSheetDate " + balanceSheetDate
                    + " is after asOf " + asOf + ": the limits use the most recent balance sheet before the sales");
        }
        BigDecimal totalAssets = requireUsd(input.totalAssets(), "totalAssets");
        Map<StockClassId, ClassOutstanding> outstanding = outstanding(input);
        List<CompensatoryIssuance> sales = new ArrayList<>();
        int later = 0;
        for (CompensatoryIssuance issuance : input.issuances()) {
            validate(issuance, outstanding);
            if (issuance.date().isAfter(asOf)) {
                later++;
            } else {
                sales.add(issuance);
            }
        }
        sales.sort(Comparator.comparing(CompensatoryIssuance::date));
        Limits limits = new Limits(totalAssets, totalAssets.multiply(FIFTEEN_PERCENT), balanceSheetDate, outstanding);

        Working working = new Working();
        LocalDate from = windowStart(asOf);
        working.step(SRC_WINDOW, "Rule 701 as of " + asOf + ": " + sales.size()
                        + " compensatory sale(s) up to that date" + (later == 0 ? "" : " (" + later
                        + " later one(s) ignored)") + "; the 12 months ending " + asOf + " run from " + from + ".",
                textFigure("as of", asOf), textFigure("window from", from),
                countFigure("sales up to as-of date", sales.size(), null));

        Rule701Window asOfWindow = evaluate(asOf, sales, limits, working);

        TreeSet<LocalDate> ends = new TreeSet<>();
        sales.forEach(s -> ends.add(s.date()));
        ends.add(asOf);
        Rule701Window peak = null;
        List<LocalDate> exceeding = new ArrayList<>();
        List<LocalDate> disclosure = new ArrayList<>();
        for (LocalDate end : ends) {
            Rule701Window window = end.equals(asOf) ? asOfWindow : evaluate(end, sales, limits, null);
            if (peak == null || window.aggregateSalesPrice().amount()
                    .compareTo(peak.aggregateSalesPrice().amount()) > 0) {
                peak = window;
            }
            if (!window.withinLimits()) {
                exceeding.add(end);
            }
            if (window.enhancedDisclosureRequired()) {
                disclosure.add(end);
            }
        }
        working.step(SRC_PEAK, ends.size() + " window(s) examined, one ending on each sale date up to " + asOf
                        + " and one ending on " + asOf + ". The highest aggregate sales price, "
                        + dollars(peak.aggregateSalesPrice().amount()) + ", is in the window " + peak.from() + " to "
                        + peak.to() + "; its greatest limit is " + describe(peak.greatestLimit()) + " and it is "
                        + (peak.withinLimits() ? "within" : "NOT within") + " the limits.",
                countFigure("windows examined", ends.size(), null), textFigure("peak window from", peak.from()),
                textFigure("peak window to", peak.to()),
                usdFigure("peak aggregate sales price", peak.aggregateSalesPrice().amount()),
                textFigure("peak greatest limit", peak.greatestLimit()),
                textFigure("peak within limits", peak.withinLimits() ? "yes" : "no"));
        working.step(SRC_GREATEST, exceeding.isEmpty()
                        ? "No 12-month window up to " + asOf + " exceeds the limits."
                        : "Windows exceeding the limits end on: " + join(exceeding) + ".",
                countFigure("windows exceeding the limits", exceeding.size(), null));
        working.step(SRC_DISCLOSURE, disclosure.isEmpty()
                        ? "No 12-month window up to " + asOf + " has an aggregate sales price above $10,000,000."
                        : "Windows with an aggregate sales price above $10,000,000 (disclosure under (e) due before "
                        + "those sales) end on: " + join(disclosure) + ".",
                countFigure("windows above $10,000,000", disclosure.size(), null));

        return new Rule701Report(asOf, input.totalAssets(), balanceSheetDate, asOfWindow, peak, exceeding,
                disclosure, exceeding.isEmpty(), !disclosure.isEmpty(), working.steps());
    }

    /** The first day of the 12 months ending on {@code end}. */
    static LocalDate windowStart(LocalDate end) {
        return end.minusMonths(12).plusDays(1);
    }

    private static Rule701Window evaluate(LocalDate end, List<CompensatoryIssuance> sales, Limits limits,
                                          Working working) {
        LocalDate from = windowStart(end);
        String window = from + " to " + end;
        List<Rule701IssuanceLine> lines = new ArrayList<>();
        Map<StockClassId, BigDecimal[]> perClass = new LinkedHashMap<>();
        BigDecimal aggregate = BigDecimal.ZERO;
        for (CompensatoryIssuance s : sales) {
            if (s.date().isBefore(from) || s.date().isAfter(end)) {
                continue;
            }
            BigDecimal price = s.pricePerSecurity().amount();
            BigDecimal salesPrice = s.quantity().value().multiply(price);
            aggregate = aggregate.add(salesPrice);
            BigDecimal[] sums = perClass.computeIfAbsent(s.stockClassId(),
                    id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(s.quantity().value());
            sums[1] = sums[1].add(salesPrice);
            lines.add(new Rule701IssuanceLine(s.date(), s.securityId(), s.securityLabel(), s.stockClassId(), s.kind(),
                    s.quantity(), s.pricePerSecurity(), money(salesPrice)));
            if (working != null) {
                boolean option = s.kind() == CompensatoryIssuanceKind.OPTION;
                working.step(option ? SRC_OPTION : SRC_STOCK, s.date() + " " + kindLabel(s.kind())
                                + (s.securityLabel() == null ? "" : " " + s.securityLabel()) + ": "
                                + grouped(s.quantity()) + " " + limits.className(s.stockClassId()) + " securities × "
                                + dollars(price) + (option ? " exercise price at grant" : " per security") + " = "
                                + dollars(salesPrice) + ".",
                        textFigure("date", s.date()), new Figure("quantity", plain(s.quantity().value()), "securities"),
                        new Figure("price per security", Numbers.money(price), "USD per share"),
                        usdFigure("sales price", salesPrice));
            }
        }

        if (working != null) {
            working.step(SRC_AGGREGATE, "Aggregate sales price, " + window + ": " + dollars(aggregate) + " from "
                            + lines.size() + " sale(s).",
                    usdFigure("aggregate sales price", aggregate), countFigure("sales", lines.size(), null));
        }

        List<Rule701ClassAmount> classes = new ArrayList<>();
        Use classUse = null;
        boolean everyClassWithin = true;
        for (Map.Entry<StockClassId, BigDecimal[]> e : perClass.entrySet()) {
            ClassOutstanding o = limits.outstanding.get(e.getKey());
            BigDecimal sold = e.getValue()[0];
            BigDecimal limit = o.outstanding().value().multiply(FIFTEEN_PERCENT);
            Use use = new Use(sold, limit);
            boolean within = sold.compareTo(limit) <= 0;
            everyClassWithin &= within;
            if (classUse == null || use.compareTo(classUse) > 0) {
                classUse = use;
            }
            classes.add(new Rule701ClassAmount(e.getKey(), limits.className(e.getKey()), new Quantity(sold),
                    money(e.getValue()[1]), o.outstanding(), quantity(limit), use.percent(), within));
            if (working != null) {
                working.step(SRC_CLASS, "Class " + limits.className(e.getKey()) + ", " + window + ": "
                                + grouped(sold) + " securities sold; 15% of " + grouped(o.outstanding())
                                + " outstanding at " + limits.balanceSheetDate + " = " + grouped(limit)
                                + " securities; " + (within ? "within" : "EXCEEDS") + " (iii) for this class ("
                                + percentText(use) + " used).",
                        new Figure("securities sold", plain(sold), "securities"),
                        new Figure("outstanding", plain(o.outstanding().value()), "securities"),
                        new Figure("15% of outstanding", plain(limit), "securities"),
                        percentFigure("used", use));
            }
        }

        Use oneMillion = new Use(aggregate, ONE_MILLION);
        Use assets = new Use(aggregate, limits.assetsLimit);
        boolean millionOk = aggregate.compareTo(ONE_MILLION) <= 0;
        boolean assetsOk = aggregate.compareTo(limits.assetsLimit) <= 0;
        List<Rule701LimitCheck> checks = List.of(
                new Rule701LimitCheck(Rule701Limit.ONE_MILLION_DOLLARS, money(ONE_MILLION), oneMillion.percent(),
                        millionOk),
                new Rule701LimitCheck(Rule701Limit.FIFTEEN_PERCENT_OF_TOTAL_ASSETS, money(limits.assetsLimit),
                        assets.percent(), assetsOk),
                new Rule701LimitCheck(Rule701Limit.FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS, null,
                        classUse == null ? BigDecimal.ZERO.setScale(2) : classUse.percent(), everyClassWithin));

        Rule701Limit greatest;
        if (lines.isEmpty()) {
            greatest = limits.assetsLimit.compareTo(ONE_MILLION) > 0
                    ? Rule701Limit.FIFTEEN_PERCENT_OF_TOTAL_ASSETS : Rule701Limit.ONE_MILLION_DOLLARS;
        } else {
            greatest = Rule701Limit.ONE_MILLION_DOLLARS;
            Use least = oneMillion;
            if (assets.compareTo(least) < 0) {
                greatest = Rule701Limit.FIFTEEN_PERCENT_OF_TOTAL_ASSETS;
                least = assets;
            }
            if (classUse.compareTo(least) < 0) {
                greatest = Rule701Limit.FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS;
            }
        }
        boolean within = checks.get(greatest.ordinal()).satisfied();
        boolean disclosure = aggregate.compareTo(DISCLOSURE_THRESHOLD) > 0;

        if (working != null) {
            working.step(SRC_ONE_MILLION, "(i) $1,000,000: the aggregate sales price " + dollars(aggregate) + " is "
                            + (millionOk ? "within it" : "ABOVE it") + " (" + percentText(oneMillion) + " used).",
                    usdFigure("limit", ONE_MILLION), percentFigure("used", oneMillion));
            working.step(SRC_ASSETS, "(ii) 15% of total assets " + dollars(limits.totalAssets) + " at "
                            + limits.balanceSheetDate + " = " + dollars(limits.assetsLimit) + ": the aggregate sales "
                            + "price is " + (assetsOk ? "within it" : "ABOVE it") + " (" + percentText(assets)
                            + " used).",
                    usdFigure("total assets", limits.totalAssets), usdFigure("limit", limits.assetsLimit),
                    percentFigure("used", assets));
            working.step(SRC_CLASS, classes.isEmpty()
                            ? "(iii) 15% of the outstanding class: no securities sold in the window."
                            : "(iii) 15% of the outstanding class: " + (everyClassWithin
                            ? "every class sold is within it" : "at least one class sold EXCEEDS it") + " ("
                            + percentText(classUse) + " used by the most-used class).",
                    textFigure("every class within", everyClassWithin ? "yes" : "no"));
            working.step(SRC_GREATEST, lines.isEmpty()
                            ? "No sales in the window: within the limits; the greatest dollar limit is "
                            + describe(greatest) + " (the limit in securities cannot be compared without sales)."
                            : "The greatest limit for these sales is " + describe(greatest)
                            + ", the one they use the smallest part of; the sales are "
                            + (within ? "within the limits." : "NOT within the limits: they exceed all three."),
                    textFigure("greatest limit", greatest), textFigure("within limits", within ? "yes" : "no"));
            working.step(SRC_DISCLOSURE, "Aggregate sales price " + dollars(aggregate) + (disclosure
                            ? " exceeds $10,000,000: the disclosure of 230.701(e) is required a reasonable time "
                            + "before the date of sale."
                            : " does not exceed $10,000,000: no disclosure under 230.701(e) is required."),
                    usdFigure("aggregate sales price", aggregate), usdFigure("threshold", DISCLOSURE_THRESHOLD),
                    textFigure("disclosure required", disclosure ? "yes" : "no"));
        }
        return new Rule701Window(from, end, lines, money(aggregate), classes, checks, greatest, within, disclosure);
    }

    private static Map<StockClassId, ClassOutstanding> outstanding(Rule701Input input) {
        Map<StockClassId, ClassOutstanding> byClass = new LinkedHashMap<>();
        for (ClassOutstanding o : input.outstanding()) {
            require(o, "outstanding[]");
            require(o.stockClassId(), "outstanding[].stockClassId");
            require(o.outstanding(), "outstanding of " + o.stockClassId());
            if (byClass.put(o.stockClassId(), o) != null) {
                throw new CapledgerException(ErrorCode.INVALID_VALUE, "outstanding amount of class " + o.stockClassId()
                        + " is given twice");
            }
        }
        return byClass;
    }

    private static void validate(CompensatoryIssuance issuance, Map<StockClassId, ClassOutstanding> outstanding) {
        require(issuance, "issuances[]");
        require(issuance.date(), "issuances[].date");
        StockClassId stockClass = require(issuance.stockClassId(), "issuances[].stockClassId");
        require(issuance.kind(), "issuances[].kind");
        Quantity quantity = require(issuance.quantity(), "issuances[].quantity");
        if (!quantity.isPositive()) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "quantity of the issuance on " + issuance.date()
                    + " must be positive");
        }
        requireUsd(issuance.pricePerSecurity(), "pricePerSecurity of the issuance on " + issuance.date());
        if (!outstanding.containsKey(stockClass)) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "the outstanding amount of class " + stockClass
                    + " is required: securities of it were sold (Rule 701(d)(3)(iii))");
        }
    }

    private static String kindLabel(CompensatoryIssuanceKind kind) {
        return switch (kind) {
            case OPTION -> "option grant";
            case STOCK -> "stock issuance";
            case OTHER -> "award";
        };
    }

    private static String describe(Rule701Limit limit) {
        return switch (limit) {
            case ONE_MILLION_DOLLARS -> "(i) $1,000,000";
            case FIFTEEN_PERCENT_OF_TOTAL_ASSETS -> "(ii) 15% of total assets";
            case FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS -> "(iii) 15% of the outstanding class";
        };
    }

    private static String join(List<LocalDate> dates) {
        return String.join(", ", dates.stream().map(LocalDate::toString).toList());
    }

    private static String percentText(Use use) {
        BigDecimal percent = use.percent();
        return percent == null ? "a zero limit" : percent.toPlainString() + "%";
    }

    private static Figure percentFigure(String name, Use use) {
        BigDecimal percent = use.percent();
        return percent == null ? textFigure(name, "zero limit") : new Figure(name, percent.toPlainString(), "percent");
    }

    /** Money with at most the ten decimal places {@link Money} holds (a product of two such numbers may have more). */
    private static Money money(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return Numbers.usd(stripped.scale() > 10 ? stripped.setScale(10, RoundingMode.HALF_UP) : stripped);
    }

    /** A limit in securities; a fraction beyond ten places is cut off, which only ever lowers the limit shown. */
    private static Quantity quantity(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return new Quantity(stripped.scale() > 10 ? stripped.setScale(10, RoundingMode.DOWN) : stripped);
    }

    /** How much of a limit sales use: {@code used ÷ limit}, compared exactly; a zero limit with sales is unbounded. */
    private record Use(BigDecimal used, BigDecimal limit) implements Comparable<Use> {

        boolean unbounded() {
            return limit.signum() == 0 && used.signum() > 0;
        }

        @Override
        public int compareTo(Use other) {
            if (unbounded() || other.unbounded()) {
                return Boolean.compare(unbounded(), other.unbounded());
            }
            BigDecimal myLimit = limit.signum() == 0 ? BigDecimal.ONE : limit;
            BigDecimal otherLimit = other.limit.signum() == 0 ? BigDecimal.ONE : other.limit;
            return used.multiply(otherLimit).compareTo(other.used.multiply(myLimit));
        }

        BigDecimal percent() {
            if (limit.signum() == 0) {
                return used.signum() == 0 ? BigDecimal.ZERO.setScale(2) : null;
            }
            return used.multiply(HUNDRED).divide(limit, 2, RoundingMode.HALF_UP);
        }
    }

    private record Limits(BigDecimal totalAssets, BigDecimal assetsLimit, LocalDate balanceSheetDate,
                          Map<StockClassId, ClassOutstanding> outstanding) {

        String className(StockClassId id) {
            ClassOutstanding o = outstanding.get(id);
            return o == null || o.name() == null || o.name().isBlank() ? id.value() : o.name();
        }
    }
}
