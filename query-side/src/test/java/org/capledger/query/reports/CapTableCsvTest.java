package org.capledger.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import org.capledger.query.common.SpreadsheetText;

/** The cap table as CSV, parsed back: header, one row per holder and pool, totals, exact figures, no formula. */
class CapTableCsvTest {

    /** The CSV read back with Jackson's parser, as a spreadsheet or another program would. */
    private static List<List<String>> parsed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CapTableCsv.write(SampleCapTable.table(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotStartWith("\uFEFF").endsWith("\r\n");
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(text)) {
            return rows.readAll();
        }
    }

    @Test
    void theCsvHasAHeaderAHolderPerRowThePoolAndTheTotals() throws IOException {
        List<List<String>> records = parsed();

        assertThat(records.get(0)).containsExactly("Holder", "Stakeholder ID", "Common shares",
                "Common % of class", "Series A Preferred shares", "Series A Preferred % of class",
                "Shares outstanding", "% of outstanding", "Votes", "% of votes", "Options, RSUs and SARs", "Warrants",
                "Convertibles as converted", "Fully diluted", "% fully diluted");
        assertThat(records).hasSize(1 + 4 + 1 + 1);
        assertThat(records.stream().skip(1).map(r -> r.get(0)).toList()).containsExactly("Ana Alves",
                "'" + SampleCapTable.FORMULA_NAME, "Chloé Durand", "Ben Brook", "2020 Plan (available for grant)",
                "Total");
        assertThat(records.get(1)).containsExactly("Ana Alves", "ana", "5000000", "66.6667", "", "",
                "5000000", "58.8235", "5000000", "58.8235", "0", "0", "0", "5000000", "49.2611");
        assertThat(records.get(3)).containsExactly("Chloé Durand", "chloe", "", "", "1000000.5", "100.0000",
                "1000000.5", "11.7647", "1000000.5", "11.7647", "0", "100000", "50000", "1150000.5", "11.3301");
        assertThat(records.get(5)).containsExactly("2020 Plan (available for grant)", "", "", "", "", "", "",
                "", "", "", "", "", "", "900000", "8.8670");
        assertThat(records.get(6)).containsExactly("Total", "", "7500000", "100.0000", "1000000.5",
                "100.0000", "8500000.5", "100.0000", "8500000.5", "100.0000", "600000", "100000", "50000",
                "10150000.5", "100.0000");
    }

    @Test
    void theHoldersAndPoolsAddUpToTheFullyDilutedTotal() throws IOException {
        List<List<String>> records = parsed();
        int fullyDiluted = records.get(0).indexOf("Fully diluted");

        BigDecimal sum = records.subList(1, records.size() - 1).stream()
                .map(r -> new BigDecimal(r.get(fullyDiluted))).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(sum).isEqualByComparingTo(records.get(records.size() - 1).get(fullyDiluted));
    }

    @Test
    void textThatASpreadsheetWouldTakeForAFormulaIsNeutralised() {
        assertThat(SpreadsheetText.forCsv("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetText.forCsv("+31 Holdings")).isEqualTo("'+31 Holdings");
        assertThat(SpreadsheetText.forCsv("-Minus Ltd")).isEqualTo("'-Minus Ltd");
        assertThat(SpreadsheetText.forCsv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.forCsv("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(SpreadsheetText.forCsv("Ana = Ben")).isEqualTo("Ana = Ben");
        assertThat(SpreadsheetText.forCsv("")).isEmpty();
    }
}
