package org.capledger.query.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.query.registers.RegisterOfMembersView.Holding;
import org.capledger.query.registers.RegisterOfMembersView.Member;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/** The CSV renderings: RFC 4180 quoting, a header, and text cells that cannot run as spreadsheet formulas. */
class RegisterCsvTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    @Test
    void theStockLedgerHasAHeaderAndQuotesCommasQuotesAndLineBreaks() {
        StockLedgerView ledger = new StockLedgerView("acme", "Acme Ltd", AS_OF, List.of(new StockLedgerEntry(
                LocalDate.of(2021, 3, 1), Instant.parse("2021-03-02T10:15:30Z"), 7, "e-7", "StockTransferred",
                "TRANSFER", "ana", "Alves, \"Ana\"", "ordinary", "Ordinary", "-300", Money.of("2.5", "GBP"),
                "GBP 750\npaid in two parts", List.of("ORD-3"), List.of("ORD-1"), "ORD-3", null)));

        String csv = RegisterCsv.stockLedger(ledger);
        List<List<String>> rows = read(csv);

        assertThat(csv).startsWith(String.join(",", RegisterCsv.STOCK_LEDGER_COLUMNS) + "\r\n");
        assertThat(csv).contains("\"Alves, \"\"Ana\"\"\"");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("2021-03-01", "2021-03-02T10:15:30Z", "7", "TRANSFER", "ana",
                "Alves, \"Ana\"", "ordinary", "Ordinary", "-300", "2.5", "GBP", "GBP 750\npaid in two parts", "ORD-3",
                "ORD-1", "ORD-3", "", "StockTransferred", "e-7");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaStartsWithAnApostropheButNegativeSharesDoNot() {
        StockLedgerView ledger = new StockLedgerView("acme", "Acme Ltd", AS_OF, List.of(new StockLedgerEntry(
                LocalDate.of(2021, 3, 1), null, 7, "e-7", "StockCancelled", "CANCELLATION", "-ana",
                "=HYPERLINK(\"http://evil.example\",\"x\")", "ordinary", "+Ordinary", "-300", null, "@SUM(A1)",
                List.of(), List.of("ORD-1"), null, "\tcmd")));

        List<String> row = read(RegisterCsv.stockLedger(ledger)).get(1);

        assertThat(row.get(4)).isEqualTo("'-ana");
        assertThat(row.get(5)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(row.get(7)).isEqualTo("'+Ordinary");
        assertThat(row.get(8)).isEqualTo("-300");
        assertThat(row.get(11)).isEqualTo("'@SUM(A1)");
        assertThat(row.get(15)).isEqualTo("'\tcmd");
    }

    @Test
    void theRegisterHasARowPerMemberAndClassAndOneForAFormerMember() {
        Address london = new Address(AddressType.LEGAL, "1 Poultry\nFloor 3", "London", "ENG", "GB", "EC2R 8EJ");
        RegisterOfMembersView register = new RegisterOfMembersView("acme", "Acme Ltd", AS_OF, List.of(
                new Member("ana", "Ana Alves", london, LocalDate.of(2020, 2, 1), null, List.of(
                        new Holding("ordinary", "Ordinary", Quantity.of(700), List.of("ORD-3", "ORD-5"),
                                List.of(Money.of("7", "GBP")), Quantity.ZERO),
                        new Holding("preference", "Preference", Quantity.of(10), List.of("PRF-1"),
                                List.of(Money.of("10", "GBP"), Money.of("3", "USD")), Quantity.of(2)))),
                new Member("ben", "Ben Brook", null, LocalDate.of(2020, 2, 1), LocalDate.of(2021, 3, 1),
                        List.of())));

        List<List<String>> rows = read(RegisterCsv.registerOfMembers(register));

        assertThat(rows.get(0)).isEqualTo(RegisterCsv.REGISTER_COLUMNS);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("ana", "Ana Alves", "LEGAL", "1 Poultry\nFloor 3", "London", "ENG",
                "EC2R 8EJ", "GB", "2020-02-01", "", "ordinary", "Ordinary", "700", "ORD-3 ORD-5", "7 GBP", "0");
        assertThat(rows.get(2).subList(10, 16)).containsExactly("preference", "Preference", "10", "PRF-1",
                "10 GBP; 3 USD", "2");
        assertThat(rows.get(3)).containsExactly("ben", "Ben Brook", "", "", "", "", "", "", "2020-02-01",
                "2021-03-01", "", "", "", "", "", "");
    }

    @Test
    void anEmptyRegisterIsTheHeaderAlone() {
        assertThat(RegisterCsv.stockLedger(new StockLedgerView("acme", "Acme Ltd", AS_OF, List.of())))
                .isEqualTo(String.join(",", RegisterCsv.STOCK_LEDGER_COLUMNS) + "\r\n");
    }

    /** Reads CSV back with Jackson's parser, as a spreadsheet or another program would. */
    private static List<List<String>> read(String csv) {
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(csv)) {
            return rows.readAll();
        }
    }
}
