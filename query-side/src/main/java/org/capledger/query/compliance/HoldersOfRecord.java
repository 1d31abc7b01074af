package org.capledger.query.compliance;

import static org.capledger.query.compliance.Numbers.countFigure;
import static org.capledger.query.compliance.Numbers.dollars;
import static org.capledger.query.compliance.Numbers.require;
import static org.capledger.query.compliance.Numbers.requireUsd;
import static org.capledger.query.compliance.Numbers.textFigure;
import static org.capledger.query.compliance.Numbers.usdFigure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;

/**
 * Counts the holders of record of each class of equity securities against Exchange Act §12(g)(1) (15 U.S.C.
 * 78l(g)(1)): an issuer with total assets exceeding $10,000,000 on the last day of its fiscal year and a class of
 * equity security held of record by either 2,000 persons or 500 persons who are not accredited investors must
 * register that class within 120 days. Rule 12g-1 (17 CFR 240.12g-1) exempts an issuer whose total assets on that
 * day do not exceed $10,000,000.
 *
 * <ul>
 * <li>Thresholds: "held of record by 2,000 persons" is met at 2,000 (1,999 does not meet it), and likewise 500
 *     non-accredited persons at 500; total assets must exceed $10,000,000, so exactly $10,000,000 does not.</li>
 * <li>Counting: a holder of record is a person the issuer's records of security holders show as owning securities
 *     of the class (Rule 12g5-1(a)); each person once per class however many securities they hold; the thresholds
 *     apply class by class. The total across classes (distinct persons) is shown for information.</li>
 * <li>Employee compensation exclusion (§12(g)(5); Rule 12g5-1(a)(8)): securities held by persons who received them
 *     under an employee compensation plan in transactions exempt from Securities Act §5 are not "held of record"
 *     when deciding whether registration is required. A person all of whose securities of a class came that way is
 *     left out of that class's count; a person holding other securities of the class too is counted. The
 *     exclusion does not apply to terminating or suspending a registration, which this does not compute.</li>
 * <li>Accredited investors (17 CFR 230.501(a)): a holder whose status is unknown is counted as not accredited, the
 *     conservative reading, so that the 500 threshold is never missed for want of a record.</li>
 * </ul>
 *
 * <p>Sources: Securities Exchange Act of 1934 §12(g)(1) and (5) as amended by the JOBS Act (2012) and the FAST Act
 * (2015); 17 CFR 240.12g-1, 240.12g5-1; SEC Release 33-10075 (2016).
 */
public final class HoldersOfRecord {

    static final String SRC_REGISTRATION = "Exchange Act §12(g)(1)(A), 15 U.S.C. 78l(g)(1)(A): total assets exceeding "
            + "$10,000,000 and a class held of record by 2,000 persons or 500 persons who are not accredited investors";
    static final String SRC_ASSETS = "17 CFR 240.12g-1: exempt if total assets on the last day of the fiscal year do "
            + "not exceed $10 million";
    static final String SRC_HELD_OF_RECORD = "17 CFR 240.12g5-1(a): persons identified as owners on the records of "
            + "security holders";
    static final String SRC_EXCLUSION = "Exchange Act §12(g)(5), 15 U.S.C. 78l(g)(5); 17 CFR 240.12g5-1(a)(8)";
    static final String SRC_ACCREDITED = "17 CFR 230.501(a) (accredited investor); unknown counted as not accredited "
            + "(reading of this implementation)";

    static final BigDecimal ASSETS_THRESHOLD = BigDecimal.valueOf(10_000_000);
    static final int HOLDERS_THRESHOLD = 2_000;
    static final int NON_ACCREDITED_THRESHOLD = 500;
    static final int REGISTRATION_DAYS = 120;

    static final String EXCLUSION_STATEMENT = "Securities held by persons who received them under an employee "
            + "compensation plan in transactions exempt from the registration requirements of Securities Act §5 are "
            + "not held of record for deciding whether registration is required (Exchange Act §12(g)(5); Rule "
            + "12g5-1(a)(8), whose safe harbour accepts a plan and holder meeting Rule 701(c)). A person all of whose "
            + "securities of a class were so received is left out of that class's count. The exclusion does not "
            + "apply to terminating or suspending a registration.";
    static final String UNKNOWN_STATEMENT = "A holder whose accredited-investor status is unknown is counted as not "
            + "accredited (conservative).";

    private HoldersOfRecord() {
    }

    /**
     * Counts holders of record per class and decides whether §12(g)(1) requires registration.
     *
     * @return the counts, the decision with its reason, the exclusion stated, and the working; never {@code null}
     * @throws CapledgerException INVALID_VALUE when a required field is missing or a holder or class is listed
     *                            twice; UNKNOWN_STAKEHOLDER when a position names a holder not in the list;
     *                            INVALID_MONEY when total assets are missing or not in USD
     */
    public static HoldersOfRecordReport compute(HoldersOfRecordInput input) {
        require(input, "input");
        LocalDate asOf = require(input.asOf(), "asOf");
        BigDecimal totalAssets = requireUsd(input.totalAssets(), "totalAssets");
        Map<StakeholderId, HolderOfRecord> holders = holders(input);

        Working working = new Working();
        working.step(SRC_REGISTRATION, "Holders of record at the fiscal year end " + asOf + ": "
                        + input.classes().size() + " class(es) of equity securities, " + holders.size()
                        + " possible holder(s); thresholds 2,000 persons or 500 non-accredited persons per class.",
                textFigure("as of", asOf), countFigure("classes", input.classes().size(), null),
                countFigure("holders threshold", HOLDERS_THRESHOLD, "persons"),
                countFigure("non-accredited threshold", NON_ACCREDITED_THRESHOLD, "persons"));
        working.step(SRC_EXCLUSION, EXCLUSION_STATEMENT);
        working.step(SRC_ACCREDITED, UNKNOWN_STATEMENT);

        Set<StockClassId> seenClasses = new HashSet<>();
        Set<StakeholderId> everyone = new LinkedHashSet<>();
        Set<StakeholderId> everyoneNonAccredited = new LinkedHashSet<>();
        List<ClassHolderCount> counts = new ArrayList<>();
        for (ClassHoldings c : input.classes()) {
            require(c, "classes[]");
            StockClassId id = require(c.stockClassId(), "classes[].stockClassId");
            if (!seenClasses.add(id)) {
                throw new CapledgerException(ErrorCode.INVALID_VALUE, "class " + id + " is listed twice");
            }
            String name = c.name() == null || c.name().isBlank() ? id.value() : c.name();
            Map<StakeholderId, BigDecimal[]> byHolder = new LinkedHashMap<>();
            for (RecordPosition p : c.positions()) {
                require(p, "positions[] of " + id);
                StakeholderId holder = require(p.stakeholderId(), "positions[].stakeholderId of " + id);
                Quantity quantity = require(p.quantity(), "positions[].quantity of " + id);
                if (!holders.containsKey(holder)) {
                    throw new CapledgerException(ErrorCode.UNKNOWN_STAKEHOLDER, "class " + id
                            + " has a position of " + holder + ", who is not among the holders");
                }
                BigDecimal[] sums = byHolder.computeIfAbsent(holder,
                        h -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                int slot = p.receivedUnderEmployeeCompensationPlan() ? 1 : 0;
                sums[slot] = sums[slot].add(quantity.value());
            }
            int counted = 0;
            int nonAccredited = 0;
            int unknown = 0;
            int excluded = 0;
            BigDecimal heldOfRecord = BigDecimal.ZERO;
            BigDecimal quantityExcluded = BigDecimal.ZERO;
            for (Map.Entry<StakeholderId, BigDecimal[]> e : byHolder.entrySet()) {
                BigDecimal other = e.getValue()[0];
                BigDecimal plan = e.getValue()[1];
                quantityExcluded = quantityExcluded.add(plan);
                if (other.signum() > 0) {
                    counted++;
                    heldOfRecord = heldOfRecord.add(other);
                    everyone.add(e.getKey());
                    AccreditedInvestorStatus status = status(holders.get(e.getKey()));
                    if (status != AccreditedInvestorStatus.ACCREDITED) {
                        nonAccredited++;
                        everyoneNonAccredited.add(e.getKey());
                        if (status == AccreditedInvestorStatus.UNKNOWN) {
                            unknown++;
                        }
                    }
                } else if (plan.signum() > 0) {
                    excluded++;
                }
            }
            boolean holdersMet = counted >= HOLDERS_THRESHOLD;
            boolean nonAccreditedMet = nonAccredited >= NON_ACCREDITED_THRESHOLD;
            counts.add(new ClassHolderCount(id, name, counted, nonAccredited, unknown, excluded,
                    new Quantity(heldOfRecord), new Quantity(quantityExcluded), holdersMet, nonAccreditedMet));
            working.step(SRC_HELD_OF_RECORD + "; " + SRC_REGISTRATION, "Class " + name + ": " + persons(counted)
                            + " holder(s) of record" + (excluded == 0 ? "" : " (" + excluded
                            + " left out: all their securities of the class received under an employee compensation "
                            + "plan)") + ", " + persons(nonAccredited) + " not accredited"
                            + (unknown == 0 ? "" : " (" + unknown + " of them unknown, counted as not accredited)")
                            + ". 2,000 persons: "
                            + (holdersMet ? "met" : "not met") + "; 500 non-accredited persons: "
                            + (nonAccreditedMet ? "met" : "not met") + ".",
                    textFigure("class", name), countFigure("holders of record", counted, "persons"),
                    countFigure("not accredited", nonAccredited, "persons"),
                    countFigure("unknown, counted as not accredited", unknown, "persons"),
                    countFigure("left out under the exclusion", excluded, "persons"),
                    textFigure("2,000 persons met", holdersMet ? "yes" : "no"),
                    textFigure("500 non-accredited met", nonAccreditedMet ? "yes" : "no"));
        }
        working.step(SRC_HELD_OF_RECORD, "Across all classes: " + everyone.size() + " distinct holder(s) of record, "
                        + everyoneNonAccredited.size() + " not accredited (for information: the thresholds apply "
                        + "class by class).",
                countFigure("holders of record", everyone.size(), "persons"),
                countFigure("not accredited", everyoneNonAccredited.size(), "persons"));

        boolean assetsExceed = totalAssets.compareTo(ASSETS_THRESHOLD) > 0;
        working.step(SRC_ASSETS, "Total assets " + dollars(totalAssets) + (assetsExceed
                        ? " exceed $10,000,000." : " do not exceed $10,000,000: the issuer is exempt from §12(g)(1)."),
                usdFigure("total assets", totalAssets), usdFigure("threshold", ASSETS_THRESHOLD),
                textFigure("exceeds", assetsExceed ? "yes" : "no"));

        List<String> triggering = new ArrayList<>();
        for (ClassHolderCount c : counts) {
            if (c.holdersThresholdMet() || c.nonAccreditedThresholdMet()) {
                triggering.add(c.name() + " (" + (c.holdersThresholdMet() ? persons(c.holdersOfRecord())
                        + " holders of record" : "") + (c.holdersThresholdMet() && c.nonAccreditedThresholdMet()
                        ? ", " : "") + (c.nonAccreditedThresholdMet() ? persons(c.nonAccreditedHolders())
                        + " not accredited" : "") + ")");
            }
        }
        boolean required = assetsExceed && !triggering.isEmpty();
        LocalDate dueBy = required ? asOf.plusDays(REGISTRATION_DAYS) : null;
        String reason;
        if (required) {
            reason = "Registration under Exchange Act §12(g)(1) is required by " + dueBy + " (120 days after " + asOf
                    + "): total assets " + dollars(totalAssets) + " exceed $10,000,000 and "
                    + String.join(", ", triggering) + " meet" + (triggering.size() == 1 ? "s" : "")
                    + " a holders-of-record threshold.";
        } else if (!assetsExceed) {
            reason = "Registration under Exchange Act §12(g)(1) is not required: total assets " + dollars(totalAssets)
                    + " do not exceed $10,000,000 (Rule 12g-1)" + (triggering.isEmpty() ? "."
                    : ", although " + String.join(", ", triggering) + " meet" + (triggering.size() == 1 ? "s" : "")
                    + " a holders-of-record threshold.");
        } else {
            reason = "Registration under Exchange Act §12(g)(1) is not required: no class is held of record by 2,000 "
                    + "persons or by 500 persons who are not accredited investors.";
        }
        working.step(SRC_REGISTRATION, reason, textFigure("registration required", required ? "yes" : "no"),
                textFigure("due by", dueBy == null ? "n/a" : dueBy));

        return new HoldersOfRecordReport(asOf, input.totalAssets(), assetsExceed, counts, everyone.size(),
                everyoneNonAccredited.size(), required, dueBy, reason, EXCLUSION_STATEMENT, UNKNOWN_STATEMENT,
                working.steps());
    }

    private static String persons(int count) {
        return Numbers.grouped(BigDecimal.valueOf(count));
    }

    private static AccreditedInvestorStatus status(HolderOfRecord holder) {
        return holder.accreditedInvestor() == null ? AccreditedInvestorStatus.UNKNOWN : holder.accreditedInvestor();
    }

    private static Map<StakeholderId, HolderOfRecord> holders(HoldersOfRecordInput input) {
        Map<StakeholderId, HolderOfRecord> holders = new LinkedHashMap<>();
        for (HolderOfRecord h : input.holders()) {
            require(h, "holders[]");
            require(h.stakeholderId(), "holders[].stakeholderId");
            if (holders.put(h.stakeholderId(), h) != null) {
                throw new CapledgerException(ErrorCode.INVALID_VALUE, "holder " + h.stakeholderId()
                        + " is listed twice");
            }
        }
        return holders;
    }
}
