package org.capledger.query.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.query.pdf.PdfRenderer;
import org.capledger.query.registers.RegisterOfMembersView.Holding;
import org.capledger.query.registers.RegisterOfMembersView.Member;
import org.junit.jupiter.api.Test;

/** The registers as PDFs, read back with PDFBox: title, statute, holders and figures, landscape, same bytes. */
class RegisterPdfTest {

    private static final RegisterPdf PDF = new RegisterPdf(new PdfRenderer());
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    static StockLedgerView ledger(int transfers) {
        List<StockLedgerEntry> entries = new ArrayList<>();
        entries.add(new StockLedgerEntry(LocalDate.of(2020, 2, 1), Instant.parse("2020-02-01T09:00:00Z"), 3, "e-3",
                "StockIssued", "ISSUANCE", "ana", "Ana Alves", "common", "Common", "1000000",
                Money.of("0.0001", "USD"), "USD 100, paid in cash", List.of("CS-1"), List.of(), null, null));
        for (int i = 0; i < transfers; i++) {
            long seq = 4 + 2L * i;
            entries.add(new StockLedgerEntry(LocalDate.of(2021, 3, 1).plusDays(i), Instant.parse(
                    "2021-03-02T10:15:30Z"), seq, "e-" + seq, "StockTransferred", "TRANSFER", "ana", "Ana Alves",
                    "common", "Common", "-2500", null, "USD 1,000", List.of("CS-" + (3 + 2 * i)),
                    List.of("CS-" + (1 + 2 * i)), "CS-" + (3 + 2 * i), null));
            entries.add(new StockLedgerEntry(LocalDate.of(2021, 3, 1).plusDays(i), Instant.parse(
                    "2021-03-02T10:15:30Z"), seq, "e-" + seq, "StockTransferred", "TRANSFER", "ben", "Ben Brook",
                    "common", "Common", "2500", null, "USD 1,000", List.of("CS-" + (2 + 2 * i)), List.of(), null,
                    null));
        }
        entries.add(new StockLedgerEntry(LocalDate.of(2023, 1, 1), Instant.parse("2023-01-01T09:00:00Z"), 900,
                "e-900", "StockCancelled", "CANCELLATION", "ben", "Ben Brook", "common", "Common", "-0.5", null, null,
                List.of(), List.of("CS-2"), "CS-901", "Forfeited under the vesting agreement"));
        return new StockLedgerView("acme", "Acme Corp", AS_OF, entries);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theStockLedgerShowsTheIssuerTheStatuteEveryHolderAndSignedShares() throws IOException {
        byte[] pdf = PDF.stockLedger(ledger(2), true);

        assertThat(text(pdf)).contains("Acme Corp").contains("Stock ledger as of 2024-06-30")
                .contains("8 Del. C. §219 and §224").contains("Ana Alves").contains("Ben Brook")
                .contains("+1,000,000").contains("-2,500").contains("+2,500").contains("-0.5")
                .contains("USD 0.0001").contains("CS-901").contains("Forfeited under the vesting agreement")
                .contains("Issuance").contains("Cancellation").contains("2021-03-02").contains("Page 1 of 1");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(792f);
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(612f);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Acme Corp: Stock ledger as of 2024-06-30");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2024-06-30T00:00:00Z"));
        }
    }

    @Test
    void aLongStockLedgerRunsOverPagesNumberedInTheFooterAndGivesTheSameBytesTwice() throws IOException {
        byte[] first = PDF.stockLedger(ledger(60), false);
        byte[] second = PDF.stockLedger(ledger(60), false);

        assertThat(second).isEqualTo(first);
        try (PDDocument doc = Loader.loadPDF(first)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(842f, Offset.offset(1f));
            String lastPage = new PDFTextStripper() {
                {
                    setStartPage(doc.getNumberOfPages());
                }
            }.getText(doc);
            // the column headers repeat on every page
            assertThat(lastPage).contains("Holder").contains("Page " + doc.getNumberOfPages() + " of "
                    + doc.getNumberOfPages());
        }
        String sample = System.getProperty("capledger.sample-pdf");
        if (sample != null) {
            Files.write(Path.of(sample), PDF.stockLedger(ledger(3), true));
        }
    }

    @Test
    void theRegisterOfMembersShowsTheStatuteMembersHoldingsAndThePaidUpBasis() throws IOException {
        Address london = new Address(AddressType.LEGAL, "1 Poultry", "London", null, "GB", "EC2R 8EJ");
        RegisterOfMembersView register = new RegisterOfMembersView("acme", "Acme Ltd", AS_OF, List.of(
                new Member("ana", "Ana Alves", london, LocalDate.of(2020, 2, 1), null, List.of(
                        new Holding("ordinary", "Ordinary", Quantity.of(17500), List.of("ORD-3", "ORD-5"),
                                List.of(Money.of("175", "GBP")), Quantity.ZERO),
                        new Holding("preference", "Preference", Quantity.of(10), List.of("PRF-1"),
                                List.of(Money.of("10", "GBP"), Money.of("3", "USD")), Quantity.of(2)))),
                new Member("ben", "Ben Brook", null, LocalDate.of(2020, 2, 1), LocalDate.of(2021, 3, 1),
                        List.of())));

        byte[] pdf = PDF.registerOfMembers(register);

        assertThat(text(pdf)).contains("Acme Ltd").contains("Register of members as of 2024-06-30")
                .contains("Companies Act 2006 s.113").contains("Ana Alves").contains("1 Poultry, London, EC2R 8EJ, GB")
                .contains("Ben Brook").contains("2021-03-01").contains("17,500").contains("GBP 175")
                .contains("GBP 10; USD 3").contains("ORD-3 ORD-5").contains("1 member on 2024-06-30, 1 former")
                .contains("Shares are taken as fully paid when issued").contains("Page 1 of 1");
        assertThat(PDF.registerOfMembers(register)).isEqualTo(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(842f, Offset.offset(1f));
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(595f, Offset.offset(1f));
        }
    }
}
