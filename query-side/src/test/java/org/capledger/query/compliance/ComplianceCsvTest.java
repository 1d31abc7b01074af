package org.capledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

class ComplianceCsvTest {

    private static final CsvMapper CSV = CsvMapper.builder().build();

    @Test
    void holderNamesThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        List<String> names = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2+3", "@SUM(A1)", "\tTab",
                "Smith, \"Jo\"\r\nJunior", "Plain Name");
        List<HolderOfRecordLine> lines = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            lines.add(new HolderOfRecordLine(StockClassId.of("common"), "=Common", StakeholderId.of("h" + i),
                    names.get(i), AccreditedInvestorStatus.UNKNOWN, Quantity.of(100), Quantity.ZERO,
                    List.of("CS-" + i), true, false));
        }

        String csv = ComplianceCsv.holdersOfRecord(statement(lines));

        assertThat(csv).startsWith(String.join(",", ComplianceCsv.HOLDERS_COLUMNS) + "\r\n");
        List<Map<String, String>> rows = read(csv);
        assertThat(rows).extracting(r -> r.get("holder_name")).containsExactly("'=HYPERLINK(\"http://evil\",\"x\")",
                "'+1", "'-2+3", "'@SUM(A1)", "'\tTab", "Smith, \"Jo\"\r\nJunior", "Plain Name");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("stock_class_name", "'=Common")
                .containsEntry("shares_held_of_record", "100").containsEntry("counted", "yes"));
    }

    @Test
    void aTableWithoutRowsIsItsHeader() {
        assertThat(ComplianceCsv.holdersOfRecord(statement(List.of())))
                .isEqualTo(String.join(",", ComplianceCsv.HOLDERS_COLUMNS) + "\r\n");
    }

    private static HoldersOfRecordStatement statement(List<HolderOfRecordLine> lines) {
        HoldersOfRecordInput input = new HoldersOfRecordInput(LocalDate.of(2024, 12, 31), Money.of("1", "USD"),
                List.of(), List.of());
        return new HoldersOfRecordStatement(IssuerId.of("issuer"), "Issuer", input, HoldersOfRecord.compute(input),
                lines);
    }

    private static List<Map<String, String>> read(String csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
