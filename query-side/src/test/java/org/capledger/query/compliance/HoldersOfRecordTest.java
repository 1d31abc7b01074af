package org.capledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.capledger.query.compliance.DelawareFranchiseTaxTest.JSON;
import static org.capledger.query.compliance.DelawareFranchiseTaxTest.assertRefused;
import static org.capledger.query.compliance.DelawareFranchiseTaxTest.usd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capledger.api.ErrorCode;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldersOfRecordTest {

    private static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);
    private static final String ABOVE_TEN_MILLION = "10000000.01";

    @ParameterizedTest(name = "{0} accredited holders: registration {1}")
    @CsvSource({"1999, false", "2000, true", "2001, true"})
    void twoThousandHoldersOfRecordTriggerRegistration(int holders, boolean required) {
        Cast cast = new Cast().add(holders, AccreditedInvestorStatus.ACCREDITED, false);

        HoldersOfRecordReport report = HoldersOfRecord.compute(cast.input(ABOVE_TEN_MILLION));

        ClassHolderCount common = report.classes().get(0);
        assertThat(common.holdersOfRecord()).isEqualTo(holders);
        assertThat(common.holdersThresholdMet()).isEqualTo(required);
        assertThat(common.nonAccreditedThresholdMet()).isFalse();
        assertThat(report.registrationRequired()).isEqualTo(required);
        assertThat(report.registrationDueBy()).isEqualTo(required ? LocalDate.of(2025, 4, 30) : null);
    }

    @ParameterizedTest(name = "{0} non-accredited holders: registration {1}")
    @CsvSource({"499, false", "500, true", "501, true"})
    void fiveHundredNonAccreditedHoldersTriggerRegistration(int nonAccredited, boolean required) {
        Cast cast = new Cast().add(100, AccreditedInvestorStatus.ACCREDITED, false)
                .add(nonAccredited, AccreditedInvestorStatus.NOT_ACCREDITED, false);

        HoldersOfRecordReport report = HoldersOfRecord.compute(cast.input(ABOVE_TEN_MILLION));

        ClassHolderCount common = report.classes().get(0);
        assertThat(common.holdersOfRecord()).isEqualTo(100 + nonAccredited);
        assertThat(common.nonAccreditedHolders()).isEqualTo(nonAccredited);
        assertThat(common.nonAccreditedThresholdMet()).isEqualTo(required);
        assertThat(report.registrationRequired()).isEqualTo(required);
    }

    @ParameterizedTest(name = "total assets ${0}: registration {1}")
    @CsvSource({"9999999.99, false", "10000000, false", "10000000.01, true"})
    void totalAssetsMustExceedTenMillion(String totalAssets, boolean required) {
        Cast cast = new Cast().add(2000, AccreditedInvestorStatus.ACCREDITED, false);

        HoldersOfRecordReport report = HoldersOfRecord.compute(cast.input(totalAssets));

        assertThat(report.classes().get(0).holdersThresholdMet()).isTrue();
        assertThat(report.totalAssetsExceedThreshold()).isEqualTo(required);
        assertThat(report.registrationRequired()).isEqualTo(required);
        if (!required) {
            assertThat(report.reason()).contains("do not exceed $10,000,000 (Rule 12g-1), although common (2,000 "
                    + "holders of record) meets a holders-of-record threshold.");
        }
    }

    @Test
    void holdersWhoseSecuritiesAllCameUnderAnEmployeeCompensationPlanAreLeftOut() {
        Cast cast = new Cast().add(1999, AccreditedInvestorStatus.ACCREDITED, false)
                .add(5, AccreditedInvestorStatus.NOT_ACCREDITED, true);

        HoldersOfRecordReport report = HoldersOfRecord.compute(cast.input(ABOVE_TEN_MILLION));

        ClassHolderCount common = report.classes().get(0);
        assertThat(common.holdersOfRecord()).isEqualTo(1999);
        assertThat(common.excludedHolders()).isEqualTo(5);
        assertThat(common.quantityExcluded()).isEqualTo(Quantity.of(500));
        assertThat(report.registrationRequired()).isFalse();
        assertThat(report.employeeCompensationExclusion()).contains("§12(g)(5)").contains("12g5-1(a)(8)");
        assertThat(report.working()).anySatisfy(step -> assertThat(step.description())
                .contains("(5 left out: all their securities of the class received under an employee compensation "
                        + "plan)"));
    }

    @Test
    void aHolderWithPlanAndOtherSecuritiesOfTheClassStillCounts() {
        Cast cast = new Cast().add(1999, AccreditedInvestorStatus.ACCREDITED, false);
        StakeholderId mixed = cast.holder(AccreditedInvestorStatus.ACCREDITED);
        cast.position(mixed, 100, true).position(mixed, 1, false);

        HoldersOfRecordReport report = HoldersOfRecord.compute(cast.input(ABOVE_TEN_MILLION));

        ClassHolderCount common = report.classes().get(0);
        assertThat(common.holdersOfRecord()).isEqualTo(2000);
        assertThat(common.excludedHolders()).isZero();
        assertThat(common.quantityHeldOfRecord()).isEqualTo(Quantity.of(1999 * 100 + 1));
        assertThat(common.quantityExcluded()).isEqualTo(Quantity.of(100));
        assertThat(report.registrationRequired()).isTrue();
    }

    @Test
    void anUnknownAccreditedStatusCountsAsNotAccredited() {
        Cast cast = new Cast().add(499, AccreditedInvestorStatus.NOT_ACCREDITED, false)
                .add(1, AccreditedInvestorStatus.UNKNOWN, false);

        HoldersOfRecordReport report = HoldersOfRecord.compute(cast.input(ABOVE_TEN_MILLION));

        ClassHolderCount common = report.classes().get(0);
        assertThat(common.nonAccreditedHolders()).isEqualTo(500);
        assertThat(common.unknownCountedAsNonAccredited()).isEqualTo(1);
        assertThat(report.registrationRequired()).isTrue();
        assertThat(report.unknownAccreditationTreatment()).contains("counted as not accredited");
        assertThat(AccreditedInvestorStatus.of(null)).isEqualTo(AccreditedInvestorStatus.UNKNOWN);
    }

    @Test
    void eachPersonCountsOncePerClassAndOnceInTheTotal() {
        Cast cast = new Cast();
        StakeholderId founder = cast.holder(AccreditedInvestorStatus.NOT_ACCREDITED);
        StakeholderId angel = cast.holder(AccreditedInvestorStatus.ACCREDITED);
        StakeholderId nobody = cast.holder(AccreditedInvestorStatus.ACCREDITED);
        cast.position(founder, 1000, false).position(founder, 500, false).position(nobody, 0, false);
        ClassHoldings preferred = new ClassHoldings(StockClassId.of("series-a"), "Series A", List.of(
                new RecordPosition(founder, "PA-1", Quantity.of(10), false),
                new RecordPosition(angel, "PA-2", Quantity.of(90), false)));

        HoldersOfRecordReport report = HoldersOfRecord.compute(new HoldersOfRecordInput(YEAR_END,
                usd(ABOVE_TEN_MILLION), cast.holders, List.of(cast.common(), preferred)));

        assertThat(report.classes()).extracting(ClassHolderCount::holdersOfRecord).containsExactly(1, 2);
        assertThat(report.totalHoldersOfRecord()).isEqualTo(2);
        assertThat(report.totalNonAccreditedHolders()).isEqualTo(1);
        assertThat(report.registrationRequired()).isFalse();
        assertThat(report.reason()).isEqualTo("Registration under Exchange Act §12(g)(1) is not required: no class is "
                + "held of record by 2,000 persons or by 500 persons who are not accredited investors.");
    }

    @Test
    void aJsonRequestGivesAJsonReportThatReadsBackTheSame() {
        HoldersOfRecordInput input = JSON.readValue("""
                {"asOf": "2024-12-31", "totalAssets": {"amount": "12000000", "currency": "USD"},
                 "holders": [{"stakeholderId": "alice", "name": "Alice", "accreditedInvestor": "ACCREDITED"},
                             {"stakeholderId": "bob", "name": "Bob", "accreditedInvestor": null}],
                 "classes": [{"stockClassId": "common", "name": "Common", "positions": [
                   {"stakeholderId": "alice", "securityLabel": "CS-1", "quantity": "1000",
                    "receivedUnderEmployeeCompensationPlan": false},
                   {"stakeholderId": "bob", "securityLabel": "CS-2", "quantity": "10",
                    "receivedUnderEmployeeCompensationPlan": false}]}]}
                """, HoldersOfRecordInput.class);

        HoldersOfRecordReport report = HoldersOfRecord.compute(input);
        String json = JSON.writeValueAsString(report);

        assertThat(report.classes().get(0).nonAccreditedHolders()).isEqualTo(1);
        assertThat(json).contains("\"registrationRequired\":false").contains("\"quantityHeldOfRecord\":\"1010\"");
        assertThat(JSON.readValue(json, HoldersOfRecordReport.class)).isEqualTo(report);
    }

    @Test
    void refusesAPositionOfSomeoneNotAmongTheHoldersAndAHolderListedTwice() {
        ClassHoldings stray = new ClassHoldings(StockClassId.of("common"), "common", List.of(
                new RecordPosition(StakeholderId.of("ghost"), null, Quantity.of(1), false)));
        assertRefused(() -> HoldersOfRecord.compute(new HoldersOfRecordInput(YEAR_END, usd("1"), List.of(),
                List.of(stray))), ErrorCode.UNKNOWN_STAKEHOLDER, "ghost");
        HolderOfRecord twice = new HolderOfRecord(StakeholderId.of("h"), "h", AccreditedInvestorStatus.UNKNOWN);
        assertRefused(() -> HoldersOfRecord.compute(new HoldersOfRecordInput(YEAR_END, usd("1"),
                List.of(twice, twice), List.of())), ErrorCode.INVALID_VALUE, "listed twice");
    }

    /** Builds holders and their positions in the common stock. */
    private static final class Cast {
        final List<HolderOfRecord> holders = new ArrayList<>();
        final List<RecordPosition> positions = new ArrayList<>();

        Cast add(int count, AccreditedInvestorStatus status, boolean plan) {
            for (int i = 0; i < count; i++) {
                position(holder(status), 100, plan);
            }
            return this;
        }

        StakeholderId holder(AccreditedInvestorStatus status) {
            StakeholderId id = StakeholderId.of("holder-" + holders.size());
            holders.add(new HolderOfRecord(id, id.value(), status));
            return id;
        }

        Cast position(StakeholderId holder, long quantity, boolean plan) {
            positions.add(new RecordPosition(holder, null, Quantity.of(quantity), plan));
            return this;
        }

        ClassHoldings common() {
            return new ClassHoldings(StockClassId.of("common"), "common", positions);
        }

        HoldersOfRecordInput input(String totalAssets) {
            return new HoldersOfRecordInput(YEAR_END, usd(totalAssets), holders, List.of(common()));
        }
    }
}
