package org.capledger.command.captable;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.capledger.api.CapTableEvent;
import org.capledger.api.convertible.ConversionTerms;
import org.capledger.api.convertible.ConversionTiming;
import org.capledger.api.convertible.ConvertibleType;
import org.capledger.api.convertible.IssueConvertible;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.ExerciseEquityCompensation;
import org.capledger.api.equity.IssueEquityCompensation;
import org.capledger.api.equity.TerminationExerciseWindow;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.stakeholder.ChangeStakeholderStatus;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stock.SplitStockClass;
import org.capledger.api.stock.TransferStock;
import org.capledger.api.stock.Transferee;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderStatus;
import org.capledger.api.value.StakeholderType;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.value.StockPlanId;
import org.capledger.api.value.VestingTermsId;
import org.capledger.api.vesting.AllocationType;
import org.capledger.api.vesting.VestingCondition;
import org.capledger.api.vesting.VestingDayOfMonth;
import org.capledger.api.vesting.VestingPeriod;
import org.capledger.api.vesting.VestingPortion;
import org.capledger.api.vesting.VestingTerms;
import org.capledger.api.vesting.VestingTrigger;
import org.capledger.api.warrant.IssueWarrant;
import org.capledger.ledger.Ledger;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of an issuer with every family of security (stock after a transfer and a split, a plan with a vesting
 * grant partly exercised, a warrant, a SAFE, a stakeholder status change) restores to an aggregate that writes the
 * same snapshot and shows the same records and cap table.
 */
class CapTableSnapshotOfEveryFamilyTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final IssuerId ISSUER = IssuerId.of("acme");
    private static final StakeholderId ANA = StakeholderId.of("ana");
    private static final StakeholderId BEN = StakeholderId.of("ben");
    private static final StockClassId COMMON = StockClassId.of("common");
    private static final StockClassId PREFERRED = StockClassId.of("preferred");
    private static final StockPlanId PLAN = StockPlanId.of("plan");
    private static final Money USD = Money.of("1", "USD");

    private final Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void everyFamilySurvivesTheSnapshot() {
        List<CapTableEvent> events = history();
        CapTable replayed = new CapTable();
        for (int i = 0; i < events.size(); i++) {
            replayed.on(events.get(i), i);
        }

        SerializedObject<byte[]> snapshot = serializer.serialize(replayed, byte[].class);
        CapTable restored = serializer.deserialize(snapshot);

        assertThat(json(restored)).isEqualTo(json(replayed));
        Ledger before = replayed.ledger();
        Ledger after = restored.ledger();
        assertThat(after.securities()).containsExactlyElementsOf(before.securities());
        assertThat(after.grants()).containsExactlyElementsOf(before.grants());
        assertThat(after.instruments()).containsExactlyElementsOf(before.instruments());
        assertThat(after.stockPlans()).containsExactlyElementsOf(before.stockPlans());
        assertThat(after.stakeholders()).containsExactlyElementsOf(before.stakeholders());
        assertThat(after.planFigures(PLAN)).isEqualTo(before.planFigures(PLAN));
        assertThat(after.capTable(TODAY)).isEqualTo(before.capTable(TODAY));
        assertThat(after.findGrant(SecurityId.of("opt1-rest")).orElseThrow().vested(TODAY))
                .isEqualTo(before.findGrant(SecurityId.of("opt1-rest")).orElseThrow().vested(TODAY));
    }

    private String json(CapTable capTable) {
        return new String(serializer.serialize(capTable, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    /** Decided by the Ledger itself, so the history is one the aggregate would accept. */
    private static List<CapTableEvent> history() {
        Ledger ledger = Ledger.empty();
        List<CapTableEvent> events = new ArrayList<>();
        record(ledger, events, ledger.createIssuer(new CreateIssuer(ISSUER, "Acme", LocalDate.of(2020, 1, 1), "US",
                null, null, null), TODAY));
        record(ledger, events, ledger.registerStakeholder(new RegisterStakeholder(ISSUER, ANA,
                LocalDate.of(2020, 1, 1), StakeholderType.INDIVIDUAL, new StakeholderName("Ana", null, null), null,
                StakeholderRelationship.FOUNDER, null, null), TODAY));
        record(ledger, events, ledger.registerStakeholder(new RegisterStakeholder(ISSUER, BEN,
                LocalDate.of(2020, 1, 1), StakeholderType.INDIVIDUAL, new StakeholderName("Ben", null, null), null,
                StakeholderRelationship.EMPLOYEE, null, null), TODAY));
        record(ledger, events, ledger.createStockClass(new CreateStockClass(ISSUER, COMMON, LocalDate.of(2020, 1, 1),
                "Common", StockClassType.COMMON, "CS-", null, Quantity.of(1), 1, Quantity.of(1_000_000), false,
                null), TODAY));
        record(ledger, events, ledger.createStockClass(new CreateStockClass(ISSUER, PREFERRED,
                LocalDate.of(2020, 1, 1), "Preferred", StockClassType.PREFERRED, "PS-", null, Quantity.of(1), 2,
                Quantity.of(1000), false, List.of(new ConversionRight(COMMON, Ratio.of(1, 1), null))), TODAY));
        record(ledger, events, ledger.issueStock(new IssueStock(ISSUER, SecurityId.of("cs1"),
                LocalDate.of(2020, 2, 1), ANA, COMMON, Quantity.of(10_000), USD, null), TODAY));
        record(ledger, events, ledger.transferStock(new TransferStock(ISSUER, SecurityId.of("cs1"),
                LocalDate.of(2020, 6, 1), List.of(new Transferee(BEN, Quantity.of(1000), SecurityId.of("cs2"))), null,
                SecurityId.of("cs3")), TODAY));
        record(ledger, events, ledger.createStockPlan(new CreateStockPlan(ISSUER, PLAN, LocalDate.of(2020, 1, 1),
                "Plan", null, null, Quantity.of(10_000), CancellationBehavior.RETURN_TO_POOL, List.of(COMMON)), TODAY));
        VestingTerms terms = new VestingTerms(VestingTermsId.of("4y"), "Four years", null,
                AllocationType.CUMULATIVE_ROUNDING, Arrays.asList(
                VestingCondition.of("start", Quantity.ZERO, VestingTrigger.vestingStart(), "monthly"),
                VestingCondition.of("monthly", VestingPortion.of(1, 48), VestingTrigger.after(VestingPeriod.months(1,
                        48, VestingDayOfMonth.VESTING_START_DAY_OR_LAST_DAY_OF_MONTH), "start"))));
        record(ledger, events, ledger.issueEquityCompensation(new IssueEquityCompensation(ISSUER,
                SecurityId.of("opt1"), LocalDate.of(2021, 1, 1), BEN, PLAN, COMMON, CompensationType.OPTION_ISO,
                Quantity.of(4800), Money.of("0.5", "USD"), null, false, terms, LocalDate.of(2021, 1, 1),
                LocalDate.of(2031, 1, 1), List.of(new TerminationExerciseWindow(
                TerminationExerciseWindow.Reason.VOLUNTARY_OTHER, 3, TerminationExerciseWindow.PeriodType.MONTHS)),
                null, null), TODAY));
        record(ledger, events, ledger.exerciseEquityCompensation(new ExerciseEquityCompensation(ISSUER,
                SecurityId.of("opt1"), LocalDate.of(2022, 1, 1), Quantity.of(1000), null, SecurityId.of("cs4"),
                SecurityId.of("opt1-rest")), TODAY));
        record(ledger, events, ledger.issueWarrant(new IssueWarrant(ISSUER, SecurityId.of("w1"),
                LocalDate.of(2022, 2, 1), ANA, COMMON, Quantity.of(500), USD, Money.of("0", "USD"), null, null),
                        TODAY));
        record(ledger, events, ledger.issueConvertible(new IssueConvertible(ISSUER, SecurityId.of("safe1"),
                LocalDate.of(2022, 3, 1), BEN, ConvertibleType.SAFE, Money.of("100000", "USD"),
                new ConversionTerms(PREFERRED, Money.of("5000000", "USD"), new BigDecimal("0.2"),
                        ConversionTiming.POST_MONEY, null, null, null), 1, true, null), TODAY));
        record(ledger, events, ledger.splitStockClass(new SplitStockClass(ISSUER, COMMON, LocalDate.of(2023, 1, 1),
                Ratio.of(2, 1), null, null, null), TODAY));
        record(ledger, events, ledger.changeStakeholderStatus(new ChangeStakeholderStatus(ISSUER, BEN,
                LocalDate.of(2024, 1, 1), StakeholderStatus.LEAVE_OF_ABSENCE, null), TODAY).orElseThrow());
        return events;
    }

    private static void record(Ledger ledger, List<CapTableEvent> events, CapTableEvent event) {
        ledger.apply(event, events.size());
        events.add(event);
    }
}
