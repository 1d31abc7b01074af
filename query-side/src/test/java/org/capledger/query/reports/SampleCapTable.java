package org.capledger.query.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.value.StockPlanId;
import org.capledger.ledger.CapTableCalculator;
import org.capledger.ledger.CapTableCalculator.ClassFigures;
import org.capledger.ledger.CapTableCalculator.DilutivePosition;
import org.capledger.ledger.CapTableCalculator.Dilution;
import org.capledger.ledger.CapTableCalculator.HolderPosition;
import org.capledger.ledger.CapTableView;

/**
 * A small cap table for the report tests, computed by the cap table's own calculator: two classes (one with a
 * fractional position), a holder whose name a spreadsheet would take for a formula, grants, a warrant, a convertible
 * as converted, a plan's pool and a SAFE not counted.
 */
final class SampleCapTable {

    static final LocalDate DATE = LocalDate.of(2024, 6, 30);
    static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private SampleCapTable() {
    }

    static CapTableView table() {
        StockClassId common = StockClassId.of("common");
        StockClassId preferred = StockClassId.of("preferred");
        StakeholderId ana = StakeholderId.of("ana");
        StakeholderId mallory = StakeholderId.of("mallory");
        StakeholderId chloe = StakeholderId.of("chloe");
        StakeholderId ben = StakeholderId.of("ben");
        return CapTableCalculator.compute(IssuerId.of("acme"), "Acme Corp", DATE, Quantity.of(20_000_000),
                List.of(new ClassFigures(common, "Common", StockClassType.COMMON, Quantity.of(1),
                                Quantity.of(10_000_000), Quantity.of(7_500_000)),
                        new ClassFigures(preferred, "Series A Preferred", StockClassType.PREFERRED, Quantity.of(1),
                                Quantity.of(2_000_000), Quantity.of("1000000.5"))),
                List.of(new HolderPosition(ana, "Ana Alves", common, Quantity.of(5_000_000)),
                        new HolderPosition(mallory, FORMULA_NAME, common, Quantity.of(2_500_000)),
                        new HolderPosition(chloe, "Chloé Durand", preferred, Quantity.of("1000000.5"))),
                List.of(new DilutivePosition(ben, "Ben Brook", Dilution.GRANT, Quantity.of(600_000)),
                        new DilutivePosition(chloe, "Chloé Durand", Dilution.WARRANT, Quantity.of(100_000)),
                        new DilutivePosition(chloe, "Chloé Durand", Dilution.CONVERTIBLE, Quantity.of(50_000))),
                List.of(new CapTableCalculator.PlanFigures(StockPlanId.of("plan"), "2020 Plan",
                        Quantity.of(1_500_000), Quantity.of(600_000), Quantity.of(900_000))),
                List.of(new CapTableView.UncountedRow("safe-2", "SAFE-2", ana, "Ana Alves", "CONVERTIBLE", "SAFE",
                        Money.of("100000", "USD"), Money.of("5000000", "USD"), new BigDecimal("0.2"))));
    }
}
