package org.capledger.query.compliance;

import static org.capledger.query.compliance.Numbers.countFigure;
import static org.capledger.query.compliance.Numbers.dollars;
import static org.capledger.query.compliance.Numbers.grouped;
import static org.capledger.query.compliance.Numbers.sharesFigure;
import static org.capledger.query.compliance.Numbers.textFigure;
import static org.capledger.query.compliance.Numbers.usdFigure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.capledger.api.CapTableEvent;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderRelationshipChanged;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.stock.StockClassSplit;
import org.capledger.api.stockclass.StockClassAuthorizedSharesAdjusted;
import org.capledger.api.stockclass.StockClassCreated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StockClassId;
import org.capledger.ledger.GrantRecord;
import org.capledger.ledger.IssuerRecord;
import org.capledger.ledger.Ledger;
import org.capledger.ledger.SecurityStatus;
import org.capledger.ledger.StakeholderRecord;
import org.capledger.ledger.StockClassRecord;
import org.capledger.ledger.StockSecurity;
import org.capledger.query.captable.CapTableQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the compliance calculators from an issuer's ledger: one read of its event stream
 * ({@link CapTableQueries#replay(IssuerId, LocalDate, java.util.function.BiConsumer)}) gives the state on the date
 * asked and the history a report needs beyond it. Figures the ledger does not hold (gross assets, total assets, the
 * Large Corporate Filer flag) come with the request. Each report's working starts with the steps that read the
 * ledger, naming the events and the reading chosen, so every figure can be traced to transactions.
 *
 * <h2>Delaware franchise tax</h2>
 * For a tax year from 2018 (the rates implemented) to the current one; the current year is read up to today and
 * marked provisional. Only an issuer formed in Delaware (country US, subdivision DE) owes it; any other answers
 * REPORT_NOT_APPLICABLE. Each class's par value comes from its creation, and its authorized shares over the year from
 * {@code StockClassCreated}, {@code StockClassAuthorizedSharesAdjusted} and the new authorized count of a
 * {@code StockClassSplit}, each from its effective date (on one day the last recorded wins). Issued shares are the
 * shares outstanding at 31 December: the ledger retires repurchased shares rather than keeping them in treasury.
 * The issuer-wide authorized figure, when recorded, is shown for comparison; the tax uses the classes' figures, which
 * the assumed par value capital method needs class by class.
 *
 * <h2>Rule 701</h2>
 * Compensatory sales are (a) every equity compensation grant ({@code EquityCompensationIssued}, OCF
 * TX_EQUITY_COMPENSATION_ISSUANCE), whoever received it, as a grant is compensation by nature: options at their
 * exercise price at grant (701(d)(4)(ii)(A)); RSUs and stock-settled SARs at the value of the shares on the grant
 * date, which the ledger does not hold, so at the price per share of the class's latest priced stock issuance on or
 * before that date (a proxy, said in the working), or, with none, as not determinable: $0 in dollars while their
 * shares still count against 15% of the class; cash-settled SARs are left out (they deliver no securities); and (b)
 * every stock issuance ({@code StockIssued}) to a stakeholder whose relationship to the issuer on the issuance date
 * was EMPLOYEE, CONSULTANT, ADVISOR or EX_EMPLOYEE (701(c)'s employees, consultants, advisors and former employees),
 * at the price per share recorded. Founders, officers, board members, executives and investors buy stock as
 * investors as often as for services, so their issuances are not counted. Exercises and releases are not new sales:
 * the grant was. Quantities and prices are those recorded at issuance. Retracted issuances are left out. The
 * outstanding shares per class are those at the balance sheet date (default: the as-of date); shares underlying
 * options, warrants and convertibles are not added, which can only lower limit (iii).
 *
 * <h2>Holders of record</h2>
 * Every outstanding stock security on the date, by class and holder. A security counts as received under an
 * employee compensation plan when it came from the exercise or release of a grant under a stock plan, followed
 * forward through splits, conversions, consolidations, reissuances and the balances a holder keeps; a transfer to
 * another holder, a warrant exercise or a convertible's conversion is not under a plan. Accredited-investor status:
 * the stakeholder's attribute on the date (see {@link #accreditedInvestor}); unknown counts as not accredited.
 */
@Service
public class ComplianceReports {

    /** OCF StakeholderRelationshipType values whose stock issuances are read as compensatory (Rule 701(c)). */
    static final Set<StakeholderRelationship> COMPENSATORY_RELATIONSHIPS = EnumSet.of(StakeholderRelationship.EMPLOYEE,
            StakeholderRelationship.CONSULTANT, StakeholderRelationship.ADVISOR, StakeholderRelationship.EX_EMPLOYEE);

    static final String SRC_ISSUER = "8 Del. C. §501, §503 (domestic corporations); Capledger ledger: IssuerCreated "
            + "(OCF Issuer country_of_formation, country_subdivision_of_formation)";
    static final String SRC_CLASSES = "Capledger ledger: StockClassCreated, StockClassAuthorizedSharesAdjusted and "
            + "StockClassSplit events (OCF StockClass, TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT, "
            + "TX_STOCK_CLASS_SPLIT)";
    static final String SRC_ISSUED = "Capledger ledger replayed to 31 December; Delaware Division of Corporations: "
            + "issued shares of all classes, treasury shares included";
    static final String SRC_ISSUER_AUTHORIZED = "Capledger ledger: IssuerCreated, IssuerAuthorizedSharesAdjusted (OCF "
            + "Issuer initial_shares_authorized, TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT)";
    static final String SRC_REQUEST = "Request parameters (not in the ledger)";
    static final String SRC_READING = "Reading of this implementation (see ComplianceReports)";
    static final String SRC_701_SALES = "17 CFR 230.701(c) (employees, consultants, advisors, former employees), "
            + "(d)(4); Capledger ledger: EquityCompensationIssued, StockIssued (OCF TX_EQUITY_COMPENSATION_ISSUANCE, "
            + "TX_STOCK_ISSUANCE); reading of this implementation (see ComplianceReports)";
    static final String SRC_701_AWARDS = "17 CFR 230.701(d)(4)(i), (ii)(C): the value of the securities on the date of "
            + "sale; the ledger holds no valuation, so the class's latest issuance price is the reading of this "
            + "implementation (see ComplianceReports)";
    static final String SRC_701_OUTSTANDING = "17 CFR 230.701(d)(3)(iii), (d)(4)(iii); Capledger ledger replayed to "
            + "the balance sheet date";
    static final String SRC_HOLDERS = "17 CFR 240.12g5-1(a): the issuer's records of security holders; Capledger "
            + "ledger: outstanding stock securities (OCF stock issuances and transactions)";
    static final String SRC_PLAN_TRACE = "Exchange Act §12(g)(5); 17 CFR 240.12g5-1(a)(8); Capledger ledger: "
            + "EquityCompensationExercised, EquityCompensationReleased with the grant's stock plan, followed through "
            + "later stock transactions; reading of this implementation (see ComplianceReports)";
    static final String SRC_ACCREDITATION = "17 CFR 230.501(a); Capledger ledger: the stakeholders' "
            + "accreditedInvestor attribute (StakeholderRegistered, StakeholderUpdated)";

    private final CapTableQueries capTables;
    private final Clock clock;

    public ComplianceReports(CapTableQueries capTables) {
        this.capTables = capTables;
        this.clock = Clock.systemUTC();
    }

    // ---------------------------------------------------------------- Delaware franchise tax

    /**
     * The Delaware franchise tax of {@code taxYear}.
     *
     * @param grossAssets         total gross assets in USD (U.S. Form 1120, Schedule L)
     * @param largeCorporateFiler whether the Secretary of State identified the issuer as a Large Corporate Filer
     * @throws CapledgerException ISSUER_NOT_FOUND; INVALID_PARAMETER for a tax year before 2018 or after the current
     *                            one; DATE_BEFORE_FORMATION when the issuer was formed after the tax year;
     *                            REPORT_NOT_APPLICABLE when the issuer was not formed in Delaware or had no stock class
     *                            by the end of the year; INVALID_MONEY when a class's par value is not in USD
     */
    @Transactional(readOnly = true)
    public FranchiseTaxStatement franchiseTax(IssuerId issuerId, int taxYear, Money grossAssets,
                                              boolean largeCorporateFiler) {
        LocalDate today = LocalDate.now(clock);
        if (taxYear < DelawareFranchiseTax.FIRST_TAX_YEAR || taxYear > today.getYear()) {
            throw invalidParameter("taxYear", "taxYear must be from " + DelawareFranchiseTax.FIRST_TAX_YEAR
                    + " (the rates implemented are those in force since tax year 2018) to " + today.getYear()
                    + " (the current year)");
        }
        LocalDate yearEnd = LocalDate.of(taxYear, 12, 31);
        AuthorizedHistory history = new AuthorizedHistory();
        Ledger ledger = capTables.replay(issuerId, yearEnd, history::observe);
        IssuerRecord issuer = ledger.issuer().orElseThrow();
        if (!"US".equals(issuer.countryOfFormation()) || !"DE".equals(issuer.subdivisionOfFormation())) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("countryOfFormation", issuer.countryOfFormation());
            if (issuer.subdivisionOfFormation() != null) {
                where.put("subdivisionOfFormation", issuer.subdivisionOfFormation());
            }
            throw new CapledgerException(ErrorCode.REPORT_NOT_APPLICABLE, "The Delaware franchise tax (8 Del. C. "
                    + "§503) is owed by corporations formed in Delaware (country US, subdivision DE); this issuer was formed "
                    + "in " + jurisdiction(issuer), where);
        }
        if (ledger.stockClasses().isEmpty()) {
            throw new CapledgerException(ErrorCode.REPORT_NOT_APPLICABLE, "The issuer had no stock class by the end of "
                    + taxYear + ": the franchise tax is computed on each class's authorized shares");
        }
        boolean provisional = taxYear == today.getYear();

        Working ledgerSteps = new Working();
        ledgerSteps.step(SRC_ISSUER, "Issuer " + issuer.legalName() + ", formed " + issuer.formationDate() + " in "
                        + jurisdiction(issuer) + " (Delaware): a domestic Delaware corporation files an annual report "
                        + "and pays the franchise tax for " + taxYear + " by 1 March " + (taxYear + 1) + ".",
                textFigure("legal name", issuer.legalName()), textFigure("formation date", issuer.formationDate()),
                textFigure("jurisdiction", jurisdiction(issuer)));
        if (provisional) {
            ledgerSteps.step(SRC_READING, "Tax year " + taxYear + " is the current year: the ledger is read with "
                            + "everything recorded up to today, " + today + ", so this report is an estimate until the "
                            + "year ends.",
                    textFigure("read on", today), textFigure("provisional", "yes"));
        }

        List<FranchiseTaxStockClass> classes = new ArrayList<>();
        BigDecimal issued = BigDecimal.ZERO;
        BigDecimal classesAuthorized = BigDecimal.ZERO;
        List<String> issuedByClass = new ArrayList<>();
        for (StockClassRecord c : ledger.stockClasses()) {
            List<AuthorizedHistory.Change> changes = history.changes(c.stockClassId(), yearEnd);
            classes.add(new FranchiseTaxStockClass(c.stockClassId(), c.name(), c.parValue(), changes.stream()
                    .map(change -> new AuthorizedSharesChange(change.date(), change.authorized())).toList()));
            StringBuilder text = new StringBuilder("Class " + c.name() + ": " + (c.parValue() == null ? "no par value"
                    : "par value " + (Numbers.USD.equals(c.parValue().currency()) ? dollars(c.parValue().amount())
                    : c.parValue().amount().toPlainString() + " " + c.parValue().currency()) + " per share") + ";");
            for (int i = 0; i < changes.size(); i++) {
                AuthorizedHistory.Change change = changes.get(i);
                text.append(i == 0 ? " " : ", ").append(change.describe());
            }
            text.append('.');
            Quantity atYearEnd = ledger.sharesAuthorized(c.stockClassId());
            ledgerSteps.step(SRC_CLASSES + ": " + changes.stream().map(AuthorizedHistory.Change::reference)
                            .collect(Collectors.joining(", ")), text.toString(),
                    textFigure("class", c.name()),
                    c.parValue() == null ? textFigure("par value", "none")
                            : new Figure("par value", c.parValue().amount().toPlainString(),
                            c.parValue().currency() + " per share"),
                    sharesFigure("authorized shares at year end", atYearEnd.value()));
            BigDecimal outstanding = ledger.sharesOutstanding(c.stockClassId()).value();
            issued = issued.add(outstanding);
            classesAuthorized = classesAuthorized.add(atYearEnd.value());
            issuedByClass.add(c.name() + " " + grouped(outstanding));
        }
        ledgerSteps.step(SRC_ISSUED, "Issued shares at the end of " + taxYear + ": " + grouped(issued) + " ("
                        + String.join("; ", issuedByClass) + "), the shares outstanding in the ledger replayed to "
                        + yearEnd + ". The ledger retires repurchased shares rather than holding them in treasury, so "
                        + "no treasury shares are added.",
                sharesFigure("issued shares", issued));
        Quantity issuerAuthorized = ledger.issuerSharesAuthorized();
        if (issuerAuthorized != null) {
            boolean same = issuerAuthorized.value().compareTo(classesAuthorized) == 0;
            ledgerSteps.step(SRC_ISSUER_AUTHORIZED, "Issuer-wide authorized shares at the end of " + taxYear + ": "
                            + grouped(issuerAuthorized) + "; the classes' authorized shares total "
                            + grouped(classesAuthorized) + (same ? "." : ". The two differ: the tax below uses the "
                            + "classes' figures, which the assumed par value capital method needs class by class; "
                            + "check them against the certificate of incorporation."),
                    sharesFigure("issuer-wide authorized shares", issuerAuthorized.value()),
                    sharesFigure("classes' authorized shares", classesAuthorized));
        }
        ledgerSteps.step(SRC_REQUEST + ": grossAssets, largeCorporateFiler", "Gross assets "
                        + dollars(grossAssets.amount()) + " (total assets as on U.S. Form 1120, Schedule L) and "
                        + "whether the issuer is a Large Corporate Filer (" + (largeCorporateFiler ? "yes" : "no")
                        + ") come with the request: the ledger does not hold them.",
                usdFigure("gross assets", grossAssets.amount()),
                textFigure("large corporate filer", largeCorporateFiler ? "yes" : "no"));

        FranchiseTaxInput input = new FranchiseTaxInput(taxYear, classes, new Quantity(issued), grossAssets,
                largeCorporateFiler);
        FranchiseTaxReport computed = DelawareFranchiseTax.compute(input);
        FranchiseTaxReport report = new FranchiseTaxReport(computed.taxYear(), computed.daysInYear(),
                computed.assumedPar(), computed.periods(), computed.authorizedSharesMethodTax(),
                computed.assumedParValueCapitalMethodTax(), computed.chosenMethod(), computed.franchiseTax(),
                computed.annualReportFee(), computed.totalDue(), concat(ledgerSteps, computed.working()));
        return new FranchiseTaxStatement(issuerId, issuer.legalName(), issuer.countryOfFormation(),
                issuer.subdivisionOfFormation(), yearEnd, provisional, input, report);
    }

    private static String jurisdiction(IssuerRecord issuer) {
        return issuer.subdivisionOfFormation() == null ? issuer.countryOfFormation() + " (no subdivision recorded)"
                : issuer.countryOfFormation() + "-" + issuer.subdivisionOfFormation();
    }

    /** Each class's authorized shares over time, from the events that set them. */
    private static final class AuthorizedHistory {

        record Change(LocalDate date, long sequence, Quantity authorized, String event) {

            String describe() {
                return switch (event) {
                    case "StockClassCreated" -> "created " + date + " with " + grouped(authorized) + " authorized";
                    case "StockClassSplit" -> "split on " + date + ", " + grouped(authorized) + " authorized from then";
                    default -> grouped(authorized) + " authorized from " + date;
                };
            }

            String reference() {
                return event + " of " + date + " (#" + sequence + ")";
            }
        }

        private final Map<StockClassId, List<Change>> byClass = new HashMap<>();

        void observe(CapTableEvent event, long sequence) {
            if (event instanceof StockClassCreated e) {
                add(e.stockClassId(), new Change(e.date(), sequence, e.initialSharesAuthorized(), "StockClassCreated"));
            } else if (event instanceof StockClassAuthorizedSharesAdjusted e) {
                add(e.stockClassId(), new Change(e.date(), sequence, e.newSharesAuthorized(),
                        "StockClassAuthorizedSharesAdjusted"));
            } else if (event instanceof StockClassSplit e) {
                add(e.stockClassId(), new Change(e.date(), sequence, e.newSharesAuthorized(), "StockClassSplit"));
            }
        }

        private void add(StockClassId id, Change change) {
            byClass.computeIfAbsent(id, k -> new ArrayList<>()).add(change);
        }

        /** The changes effective up to {@code last}, by date; of several on one day, the last recorded. */
        List<Change> changes(StockClassId id, LocalDate last) {
            TreeMap<LocalDate, Change> byDate = new TreeMap<>();
            byClass.getOrDefault(id, List.of()).stream()
                    .filter(c -> !c.date().isAfter(last))
                    .sorted(Comparator.comparing(Change::date).thenComparingLong(Change::sequence))
                    .forEach(c -> byDate.put(c.date(), c));
            return List.copyOf(byDate.values());
        }
    }

    // ---------------------------------------------------------------- Rule 701

    /**
     * Rule 701 as of {@code asOf}.
     *
     * @param totalAssets      total assets in USD at the balance sheet date
     * @param balanceSheetDate the issuer's most recent balance sheet date, or {@code null} for {@code asOf}
     * @throws CapledgerException ISSUER_NOT_FOUND; INVALID_PARAMETER when the balance sheet date is after
     *                            {@code asOf}; DATE_BEFORE_FORMATION when either date is before the issuer's
     *                            formation; REPORT_NOT_APPLICABLE when a compensatory issuance is priced in another
     *                            currency than USD
     */
    @Transactional(readOnly = true)
    public Rule701Statement rule701(IssuerId issuerId, LocalDate asOf, Money totalAssets, LocalDate balanceSheetDate) {
        LocalDate sheetDate = balanceSheetDate == null ? asOf : balanceSheetDate;
        if (sheetDate.isAfter(asOf)) {
            throw invalidParameter("balanceSheetDate", "balanceSheetDate " + sheetDate + " is after asOf " + asOf
                    + ": the limits use the most recent balance sheet before the sales");
        }
        SalesHistory history = new SalesHistory();
        Ledger ledger = capTables.replay(issuerId, asOf, history::observe);
        Ledger atSheet = sheetDate.equals(asOf) ? ledger : capTables.replay(issuerId, sheetDate);
        IssuerRecord issuer = ledger.issuer().orElseThrow();
        Map<StockClassId, String> classNames = classNames(ledger);
        Map<StakeholderId, String> holderNames = holderNames(ledger);

        List<CompensatoryIssuanceRecord> records = new ArrayList<>();
        List<CompensatoryIssuance> sales = new ArrayList<>();
        int options = 0;
        int awards = 0;
        int awardsAtZero = 0;
        int stock = 0;
        int otherStock = 0;
        int leftOut = 0;
        for (SalesHistory.Recorded recorded : history.inDateOrder(asOf)) {
            CompensatoryIssuanceRecord line;
            if (recorded.event() instanceof EquityCompensationIssued e) {
                line = grantLine(e, ledger, history, classNames, holderNames);
            } else {
                StockIssued e = (StockIssued) recorded.event();
                StakeholderRelationship relationship = history.relationshipOn(e.stakeholderId(), e.date());
                if (!COMPENSATORY_RELATIONSHIPS.contains(relationship)) {
                    otherStock++;
                    continue;
                }
                line = stockLine(e, relationship, ledger, classNames, holderNames);
            }
            records.add(line);
            if (!line.included()) {
                leftOut++;
                continue;
            }
            switch (line.kind()) {
                case OPTION -> options++;
                case OTHER -> {
                    awards++;
                    if (line.pricePerSecurity().amount().signum() == 0) {
                        awardsAtZero++;
                    }
                }
                case STOCK -> stock++;
            }
            sales.add(new CompensatoryIssuance(line.date(), line.securityId(), line.securityLabel(),
                    line.stockClassId(), line.kind(), line.quantity(), line.pricePerSecurity()));
        }

        List<ClassOutstanding> outstanding = new ArrayList<>();
        List<String> outstandingText = new ArrayList<>();
        Set<StockClassId> atSheetClasses = atSheet.stockClasses().stream().map(StockClassRecord::stockClassId)
                .collect(Collectors.toSet());
        for (StockClassRecord c : ledger.stockClasses()) {
            Quantity shares = atSheetClasses.contains(c.stockClassId()) ? atSheet.sharesOutstanding(c.stockClassId())
                    : Quantity.ZERO;
            outstanding.add(new ClassOutstanding(c.stockClassId(), c.name(), shares));
            outstandingText.add(c.name() + " " + grouped(shares));
        }

        Working ledgerSteps = new Working();
        ledgerSteps.step(SRC_701_SALES, "Compensatory sales read from the ledger of " + issuer.legalName() + " up to "
                        + asOf + ": " + options + " option grant(s) at their exercise price at grant, " + awards
                        + " other award(s) (RSUs, stock-settled SARs) and " + stock + " stock issuance(s) to "
                        + "stakeholders who were employees, consultants, advisors or former employees on the issuance "
                        + "date, at the price per share recorded; " + leftOut + " left out (retracted, or cash-settled "
                        + "SARs, which deliver no securities); " + otherStock + " stock issuance(s) to stakeholders "
                        + "with another relationship (founders, officers, board members, investors, ...) not counted. "
                        + "Exercises and releases are not new sales: the grant was counted.",
                countFigure("option grants", options, null), countFigure("other awards", awards, null),
                countFigure("stock issuances counted", stock, null), countFigure("left out", leftOut, null),
                countFigure("other stock issuances", otherStock, null));
        if (awards > 0) {
            ledgerSteps.step(SRC_701_AWARDS, "Awards other than options are valued at the value of the shares on the "
                            + "grant date, which the ledger does not hold: at the price per share of the class's "
                            + "latest priced stock issuance on or before that date" + (awardsAtZero == 0 ? "."
                            : "; " + awardsAtZero + " award(s) had no such issuance and are not determinable: counted "
                            + "at $0.00 in dollars, in full in securities against 15% of the class."),
                    countFigure("awards", awards, null), countFigure("not determinable", awardsAtZero, null));
        }
        ledgerSteps.step(SRC_701_OUTSTANDING, "Outstanding shares per class at the balance sheet date " + sheetDate
                        + ": " + String.join("; ", outstandingText) + " (the ledger replayed to that date). Shares "
                        + "underlying options, warrants and convertibles are not added, which can only lower limit "
                        + "(iii).",
                outstanding.stream().map(o -> sharesFigure(o.name(), o.outstanding().value())).toArray(Figure[]::new));
        history.splitsAfterSales(sales, asOf, classNames).forEach(text -> ledgerSteps.step(SRC_READING, text));
        ledgerSteps.step(SRC_REQUEST + ": totalAssets, balanceSheetDate", "Total assets "
                        + dollars(totalAssets.amount()) + " at the balance sheet date " + sheetDate + " come with the "
                        + "request: the ledger does not hold them.",
                usdFigure("total assets", totalAssets.amount()), textFigure("balance sheet date", sheetDate));

        Rule701Input input = new Rule701Input(asOf, sales, totalAssets, sheetDate, outstanding);
        Rule701Report computed = Rule701.compute(input);
        Rule701Report report = new Rule701Report(computed.asOf(), computed.totalAssets(), computed.balanceSheetDate(),
                computed.asOfWindow(), computed.peakWindow(), computed.windowsExceedingLimits(),
                computed.windowsRequiringDisclosure(), computed.withinLimitsInEveryWindow(),
                computed.enhancedDisclosureEverRequired(), concat(ledgerSteps, computed.working()));
        return new Rule701Statement(issuerId, issuer.legalName(), input, report, records);
    }

    private static CompensatoryIssuanceRecord grantLine(EquityCompensationIssued e, Ledger ledger,
                                                        SalesHistory history, Map<StockClassId, String> classNames,
                                                        Map<StakeholderId, String> holderNames) {
        StakeholderRelationship relationship = history.relationshipOn(e.stakeholderId(), e.date());
        String holder = holderNames.getOrDefault(e.stakeholderId(), e.stakeholderId().value());
        String className = classNames.getOrDefault(e.stockClassId(), e.stockClassId().value());
        CompensationType type = e.compensationType();
        boolean retracted = ledger.findGrant(e.securityId()).map(GrantRecord::status)
                .filter(SecurityStatus.RETRACTED.name()::equals).isPresent();
        if (retracted || type == CompensationType.CSAR) {
            return new CompensatoryIssuanceRecord(e.date(), e.securityId(), e.securityLabel(), e.stakeholderId(),
                    holder, relationship, e.stockClassId(), className, "EQUITY_COMPENSATION", type, null, e.quantity(),
                    null, null, null, false, retracted ? "retracted: void from its issuance"
                    : "cash-settled SAR: delivers no securities, so it is no sale of securities");
        }
        if (type.isOption()) {
            Money price = e.exercisePrice();
            if (price == null) {
                return included(e, holder, relationship, className, CompensatoryIssuanceKind.OPTION, Numbers.usd(
                        BigDecimal.ZERO), "no exercise price recorded: not determinable, counted at $0.00");
            }
            requireUsd(price, "the exercise price of " + e.securityLabel());
            return included(e, holder, relationship, className, CompensatoryIssuanceKind.OPTION, price,
                    "exercise price at grant");
        }
        SalesHistory.Price latest = history.latestPrice(e.stockClassId(), e.date(), ledger);
        if (latest == null) {
            return included(e, holder, relationship, className, CompensatoryIssuanceKind.OTHER,
                    Numbers.usd(BigDecimal.ZERO), "value on the grant date not determinable: no priced issuance of "
                            + className + " on or before it; counted at $0.00");
        }
        return included(e, holder, relationship, className, CompensatoryIssuanceKind.OTHER, latest.price(),
                "latest issuance price of " + className + " on or before the grant date (" + latest.label() + ", "
                        + latest.date() + ")");
    }

    private static CompensatoryIssuanceRecord included(EquityCompensationIssued e, String holder,
                                                       StakeholderRelationship relationship, String className,
                                                       CompensatoryIssuanceKind kind, Money price, String valuation) {
        return new CompensatoryIssuanceRecord(e.date(), e.securityId(), e.securityLabel(), e.stakeholderId(), holder,
                relationship, e.stockClassId(), className, "EQUITY_COMPENSATION", e.compensationType(), kind,
                e.quantity(), price, valuation, Numbers.usd(e.quantity().value().multiply(price.amount())), true,
                null);
    }

    private static CompensatoryIssuanceRecord stockLine(StockIssued e, StakeholderRelationship relationship,
                                                        Ledger ledger, Map<StockClassId, String> classNames,
                                                        Map<StakeholderId, String> holderNames) {
        String holder = holderNames.getOrDefault(e.stakeholderId(), e.stakeholderId().value());
        String className = classNames.getOrDefault(e.stockClassId(), e.stockClassId().value());
        boolean retracted = ledger.findSecurity(e.securityId()).map(StockSecurity::status)
                .filter(SecurityStatus.RETRACTED::equals).isPresent();
        if (retracted) {
            return new CompensatoryIssuanceRecord(e.date(), e.securityId(), e.securityLabel(), e.stakeholderId(),
                    holder, relationship, e.stockClassId(), className, "STOCK", null, null, e.quantity(), null, null,
                    null, false, "retracted: void from its issuance");
        }
        Money price = e.pricePerShare();
        requireUsd(price, "the price of " + e.securityLabel());
        String valuation = price.amount().signum() == 0 ? "recorded at $0.00 per share (shares for services are "
                + "valued at the value of the shares, which the ledger does not hold)" : "price per share paid";
        return new CompensatoryIssuanceRecord(e.date(), e.securityId(), e.securityLabel(), e.stakeholderId(), holder,
                relationship, e.stockClassId(), className, "STOCK", null, CompensatoryIssuanceKind.STOCK,
                e.quantity(), price, valuation, Numbers.usd(e.quantity().value().multiply(price.amount())), true,
                null);
    }

    private static void requireUsd(Money price, String what) {
        if (!Numbers.USD.equals(price.currency())) {
            throw new CapledgerException(ErrorCode.REPORT_NOT_APPLICABLE, "Rule 701's limits are in US dollars, and "
                    + what + " is in " + price.currency() + ": the report converts no currency");
        }
    }

    /** Grants, stock issuances and splits, and every stakeholder's relationship over time. */
    private static final class SalesHistory {

        record Recorded(CapTableEvent event, long sequence) {
        }

        record Relationship(LocalDate date, long sequence, StakeholderRelationship relationship) {
        }

        record Price(LocalDate date, long sequence, String label, Money price) {
        }

        record PriceKey(LocalDate date, long sequence) implements Comparable<PriceKey> {

            @Override
            public int compareTo(PriceKey other) {
                int byDate = date.compareTo(other.date);
                return byDate != 0 ? byDate : Long.compare(sequence, other.sequence);
            }
        }

        private final List<Recorded> sales = new ArrayList<>();
        /** Priced stock issuances per class by date and recording order; built on first use, after the read. */
        private Map<StockClassId, TreeMap<PriceKey, Price>> pricesByClass;
        private final List<StockClassSplit> splits = new ArrayList<>();
        private final Map<StakeholderId, List<Relationship>> relationships = new HashMap<>();

        void observe(CapTableEvent event, long sequence) {
            if (event instanceof EquityCompensationIssued || event instanceof StockIssued) {
                sales.add(new Recorded(event, sequence));
            } else if (event instanceof StockClassSplit e) {
                splits.add(e);
            } else if (event instanceof StakeholderRegistered e) {
                relationship(e.stakeholderId(), e.date(), sequence, e.relationship());
            } else if (event instanceof StakeholderUpdated e) {
                relationship(e.stakeholderId(), e.date(), sequence, e.relationship());
            } else if (event instanceof StakeholderRelationshipChanged e) {
                relationship(e.stakeholderId(), e.date(), sequence, e.relationship());
            }
        }

        private void relationship(StakeholderId id, LocalDate date, long sequence, StakeholderRelationship value) {
            if (value != null) {
                relationships.computeIfAbsent(id, k -> new ArrayList<>()).add(new Relationship(date, sequence, value));
            }
        }

        /** The relationship in force on {@code date}: the latest set on or before it (the last recorded that day). */
        StakeholderRelationship relationshipOn(StakeholderId id, LocalDate date) {
            return relationships.getOrDefault(id, List.of()).stream().filter(r -> !r.date().isAfter(date))
                    .max(Comparator.comparing(Relationship::date).thenComparingLong(Relationship::sequence))
                    .map(Relationship::relationship).orElse(null);
        }

        /** Grants and stock issuances effective up to {@code last}, by date and then recording order. */
        List<Recorded> inDateOrder(LocalDate last) {
            return sales.stream().filter(r -> !r.event().date().isAfter(last))
                    .sorted(Comparator.comparing((Recorded r) -> r.event().date())
                            .thenComparingLong(Recorded::sequence))
                    .toList();
        }

        /**
         * The price per share in USD of the class's latest stock issuance on or before {@code date} that has a
         * positive price and was not retracted, or {@code null}.
         */
        Price latestPrice(StockClassId stockClass, LocalDate date, Ledger ledger) {
            if (pricesByClass == null) {
                pricesByClass = new HashMap<>();
                for (Recorded r : sales) {
                    if (r.event() instanceof StockIssued e && Numbers.USD.equals(e.pricePerShare().currency())
                            && e.pricePerShare().amount().signum() > 0
                            && ledger.findSecurity(e.securityId()).map(x -> x.status() != SecurityStatus.RETRACTED)
                            .orElse(false)) {
                        pricesByClass.computeIfAbsent(e.stockClassId(), k -> new TreeMap<>()).put(
                                new PriceKey(e.date(), r.sequence()),
                                new Price(e.date(), r.sequence(), e.securityLabel(), e.pricePerShare()));
                    }
                }
            }
            TreeMap<PriceKey, Price> prices = pricesByClass.get(stockClass);
            Map.Entry<PriceKey, Price> latest = prices == null ? null
                    : prices.floorEntry(new PriceKey(date, Long.MAX_VALUE));
            return latest == null ? null : latest.getValue();
        }

        /** A note for each class split on or before {@code last} after sales of it that are counted. */
        List<String> splitsAfterSales(List<CompensatoryIssuance> counted, LocalDate last,
                                      Map<StockClassId, String> names) {
            List<String> notes = new ArrayList<>();
            for (StockClassSplit split : splits) {
                if (!split.date().isAfter(last) && counted.stream().anyMatch(s -> s.stockClassId()
                        .equals(split.stockClassId()) && s.date().isBefore(split.date()))) {
                    notes.add("Class " + names.getOrDefault(split.stockClassId(), split.stockClassId().value())
                            + " was split on " + split.date() + " (" + split.ratio().numerator().toPlainString() + ":"
                            + split.ratio().denominator().toPlainString() + "): sales before it are counted in the "
                            + "shares and prices recorded at issuance, not adjusted for the split.");
                }
            }
            return notes;
        }
    }

    // ---------------------------------------------------------------- holders of record

    /**
     * Holders of record as of {@code asOf}.
     *
     * @param totalAssets total assets in USD on that day
     * @throws CapledgerException ISSUER_NOT_FOUND; DATE_BEFORE_FORMATION
     */
    @Transactional(readOnly = true)
    public HoldersOfRecordStatement holdersOfRecord(IssuerId issuerId, LocalDate asOf, Money totalAssets) {
        Ledger ledger = capTables.replay(issuerId, asOf);
        IssuerRecord issuer = ledger.issuer().orElseThrow();
        Map<StakeholderId, StakeholderRecord> stakeholders = ledger.stakeholders().stream()
                .collect(Collectors.toMap(StakeholderRecord::stakeholderId, s -> s));
        Map<SecurityId, Boolean> planTrace = new HashMap<>();
        Map<StakeholderId, HolderOfRecord> holders = new LinkedHashMap<>();
        List<ClassHoldings> classes = new ArrayList<>();
        List<HolderOfRecordLine> lines = new ArrayList<>();
        int securities = 0;
        int planSecurities = 0;
        BigDecimal planShares = BigDecimal.ZERO;
        Map<StockClassId, List<StockSecurity>> outstandingByClass = ledger.securities().stream()
                .filter(s -> s.outstandingOn(asOf)).collect(Collectors.groupingBy(StockSecurity::stockClassId));
        for (StockClassRecord c : ledger.stockClasses()) {
            List<RecordPosition> positions = new ArrayList<>();
            Map<StakeholderId, List<StockSecurity>> byHolder = new LinkedHashMap<>();
            for (StockSecurity s : outstandingByClass.getOrDefault(c.stockClassId(), List.of())) {
                boolean plan = underPlan(s, ledger, planTrace);
                positions.add(new RecordPosition(s.stakeholderId(), s.label(), s.quantity(), plan));
                byHolder.computeIfAbsent(s.stakeholderId(), k -> new ArrayList<>()).add(s);
                securities++;
                if (plan) {
                    planSecurities++;
                    planShares = planShares.add(s.quantity().value());
                }
                holders.computeIfAbsent(s.stakeholderId(), id -> {
                    StakeholderRecord record = stakeholders.get(id);
                    return new HolderOfRecord(id, record.name().legalName(), accreditedInvestor(record));
                });
            }
            classes.add(new ClassHoldings(c.stockClassId(), c.name(), positions));
            List<HolderOfRecordLine> classLines = new ArrayList<>();
            byHolder.forEach((id, held) -> {
                BigDecimal other = BigDecimal.ZERO;
                BigDecimal plan = BigDecimal.ZERO;
                for (StockSecurity s : held) {
                    if (planTrace.get(s.securityId())) {
                        plan = plan.add(s.quantity().value());
                    } else {
                        other = other.add(s.quantity().value());
                    }
                }
                HolderOfRecord holder = holders.get(id);
                classLines.add(new HolderOfRecordLine(c.stockClassId(), c.name(), id, holder.name(),
                        holder.accreditedInvestor(), new Quantity(other), new Quantity(plan),
                        held.stream().map(StockSecurity::label).toList(), other.signum() > 0,
                        other.signum() == 0 && plan.signum() > 0));
            });
            classLines.sort(Comparator.comparing(HolderOfRecordLine::name)
                    .thenComparing(l -> l.stakeholderId().value()));
            lines.addAll(classLines);
        }

        Working ledgerSteps = new Working();
        ledgerSteps.step(SRC_HOLDERS, "Records of security holders of " + issuer.legalName() + " as of " + asOf + ": "
                        + securities + " outstanding stock securit" + (securities == 1 ? "y" : "ies") + " in "
                        + classes.size() + " class(es), held by " + holders.size() + " stakeholder(s).",
                countFigure("securities", securities, null), countFigure("classes", classes.size(), null),
                countFigure("holders", holders.size(), "persons"));
        ledgerSteps.step(SRC_PLAN_TRACE, planSecurities + " of them (" + grouped(planShares) + " shares) came from "
                        + "exercises or releases of grants under a stock plan, followed forward through splits, "
                        + "conversions, consolidations, reissuances and the balances a holder keeps; a transfer to "
                        + "another holder, a warrant exercise or a convertible's conversion is not under a plan.",
                countFigure("securities under a plan", planSecurities, null),
                sharesFigure("shares under a plan", planShares));
        Map<AccreditedInvestorStatus, Long> statuses = holders.values().stream().collect(Collectors.groupingBy(
                HolderOfRecord::accreditedInvestor, () -> new java.util.EnumMap<>(AccreditedInvestorStatus.class),
                Collectors.counting()));
        long accredited = statuses.getOrDefault(AccreditedInvestorStatus.ACCREDITED, 0L);
        long notAccredited = statuses.getOrDefault(AccreditedInvestorStatus.NOT_ACCREDITED, 0L);
        long unknown = statuses.getOrDefault(AccreditedInvestorStatus.UNKNOWN, 0L);
        ledgerSteps.step(SRC_ACCREDITATION, "Accredited-investor status of the holders: " + accredited + " accredited, "
                        + notAccredited + " not accredited, " + unknown + " unknown (none recorded on the "
                        + "stakeholder), counted as not accredited.",
                countFigure("accredited", accredited, "persons"), countFigure("not accredited", notAccredited,
                        "persons"), countFigure("unknown", unknown, "persons"));
        ledgerSteps.step(SRC_REQUEST + ": totalAssets", "Total assets " + dollars(totalAssets.amount()) + " on "
                        + asOf + " come with the request: the ledger does not hold them.",
                usdFigure("total assets", totalAssets.amount()));

        HoldersOfRecordInput input = new HoldersOfRecordInput(asOf, totalAssets, List.copyOf(holders.values()),
                classes);
        HoldersOfRecordReport computed = HoldersOfRecord.compute(input);
        HoldersOfRecordReport report = new HoldersOfRecordReport(computed.asOf(), computed.totalAssets(),
                computed.totalAssetsExceedThreshold(), computed.classes(), computed.totalHoldersOfRecord(),
                computed.totalNonAccreditedHolders(), computed.registrationRequired(), computed.registrationDueBy(),
                computed.reason(), computed.employeeCompensationExclusion(), computed.unknownAccreditationTreatment(),
                concat(ledgerSteps, computed.working()));
        return new HoldersOfRecordStatement(issuerId, issuer.legalName(), input, report, lines);
    }

    /**
     * The stakeholder's accredited-investor status (17 CFR 230.501(a)) as the ledger records it on the date replayed
     * to: the stakeholder's {@code accreditedInvestor} attribute, {@code null} (never recorded, or cleared) being
     * {@link AccreditedInvestorStatus#UNKNOWN}, which {@link HoldersOfRecord} counts as not accredited.
     */
    static AccreditedInvestorStatus accreditedInvestor(StakeholderRecord stakeholder) {
        return AccreditedInvestorStatus.of(stakeholder.accreditedInvestor());
    }

    /**
     * Whether {@code security} was received under an employee compensation plan: it came from the exercise or
     * release of grants under a stock plan, or only from securities that did, held by the same stakeholder.
     */
    static boolean underPlan(StockSecurity security, Ledger ledger, Map<SecurityId, Boolean> known) {
        Boolean cached = known.get(security.securityId());
        if (cached != null) {
            return cached;
        }
        boolean plan;
        List<SecurityId> sources = security.sourceSecurityIds();
        if (sources.isEmpty()) {
            plan = false;
        } else if (ledger.findGrant(sources.get(0)).isPresent()) {
            plan = sources.stream().allMatch(id -> ledger.findGrant(id).map(g -> g.stockPlanId() != null)
                    .orElse(false));
        } else {
            plan = sources.stream().allMatch(id -> ledger.findSecurity(id)
                    .filter(source -> source.stakeholderId().equals(security.stakeholderId()))
                    .map(source -> underPlan(source, ledger, known)).orElse(false));
        }
        known.put(security.securityId(), plan);
        return plan;
    }

    // ---------------------------------------------------------------- shared

    private static Map<StockClassId, String> classNames(Ledger ledger) {
        Map<StockClassId, String> names = new LinkedHashMap<>();
        ledger.stockClasses().forEach(c -> names.put(c.stockClassId(), c.name()));
        return names;
    }

    private static Map<StakeholderId, String> holderNames(Ledger ledger) {
        Map<StakeholderId, String> names = new HashMap<>();
        ledger.stakeholders().forEach(s -> names.put(s.stakeholderId(), s.name().legalName()));
        return names;
    }

    private static List<Step> concat(Working first, List<Step> then) {
        return Stream.concat(first.steps().stream(), then.stream()).toList();
    }

    static CapledgerException invalidParameter(String field, String message) {
        return new CapledgerException(ErrorCode.INVALID_PARAMETER, message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
