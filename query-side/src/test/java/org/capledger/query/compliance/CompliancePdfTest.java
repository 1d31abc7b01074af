package org.capledger.query.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StockClassId;
import org.capledger.query.pdf.PdfRenderer;
import org.junit.jupiter.api.Test;

class CompliancePdfTest {

    private static final CompliancePdf PDF = new CompliancePdf(new PdfRenderer());
    private static final StockClassId COMMON = StockClassId.of("common");
    /** The rendered franchise tax example, kept for looking at. */
    private static final Path OUT = Path.of("target", "compliance-pdf");

    @Test
    void theFranchiseTaxPdfShowsBothMethodsAndEveryStepWithItsFiguresAndSource() throws IOException {
        FranchiseTaxInput input = new FranchiseTaxInput(2023, List.of(
                new FranchiseTaxStockClass(COMMON, "Common", usd("1"), List.of(new AuthorizedSharesChange(
                        LocalDate.of(2019, 1, 1), Quantity.of(1_000_000)))),
                new FranchiseTaxStockClass(StockClassId.of("preferred"), "Preferred", usd("5"), List.of(
                        new AuthorizedSharesChange(LocalDate.of(2019, 1, 1), Quantity.of(250_000))))),
                Quantity.of(485_000), usd("1000000"), false);
        FranchiseTaxReport report = DelawareFranchiseTax.compute(input);
        FranchiseTaxStatement statement = new FranchiseTaxStatement(IssuerId.of("worked-example"),
                "Worked Example Inc.", "US", "DE", LocalDate.of(2023, 12, 31), false, input, report);

        byte[] pdf = PDF.franchiseTax(statement);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("franchise-tax.pdf"), pdf);
        String text = normalised(text(pdf));

        assertThat(text).contains("Delaware franchise tax, tax year 2023", "Worked Example Inc.",
                "Gross assets (request) $1,000,000.00", "Authorized shares method $10,790.00",
                "Assumed par value capital method $1,600.00", "Assumed par $2.061856 per share",
                "Total due by 1 March 2024 $1,650.00", "$3,311,856.00",
                "Source: " + DelawareFranchiseTax.SRC_AUTHORIZED, "assumed par $2.061856 per share");
        for (Step step : report.working()) {
            assertThat(text).contains(normalised(step.description()), normalised("Source: " + step.source()));
        }
    }

    @Test
    void theRule701AndHoldersPdfsListTheirTablesAndWorking() throws IOException {
        SecurityId option = SecurityId.of("opt-1");
        Rule701Input input = new Rule701Input(LocalDate.of(2023, 12, 31), List.of(new CompensatoryIssuance(
                LocalDate.of(2023, 3, 1), option, "OPT-1", COMMON, CompensatoryIssuanceKind.OPTION,
                Quantity.of(500_000), usd("1.50"))), usd("5000000"), LocalDate.of(2023, 12, 31),
                List.of(new ClassOutstanding(COMMON, "Common", Quantity.of(5_210_000))));
        CompensatoryIssuanceRecord record = new CompensatoryIssuanceRecord(LocalDate.of(2023, 3, 1), option, "OPT-1",
                StakeholderId.of("eli"), "Eli Employee", StakeholderRelationship.EMPLOYEE, COMMON, "Common",
                "EQUITY_COMPENSATION", CompensationType.OPTION_ISO, CompensatoryIssuanceKind.OPTION,
                Quantity.of(500_000), usd("1.50"), "exercise price at grant", usd("750000"), true, null);
        String rule701 = normalised(text(PDF.rule701(new Rule701Statement(IssuerId.of("i"), "Seven Oh One Inc.", input,
                Rule701.compute(input), List.of(record)))));
        assertThat(rule701).contains("Rule 701 as of 2023-12-31", "Aggregate sales price in the window $750,000.00",
                "Eli Employee", "OPTION_ISO", "exercise price at grant", "Source: " + Rule701.SRC_OPTION);

        HoldersOfRecordInput holders = new HoldersOfRecordInput(LocalDate.of(2024, 12, 31), usd("12000000"),
                List.of(new HolderOfRecord(StakeholderId.of("ana"), "Ana Founder", AccreditedInvestorStatus.UNKNOWN)),
                List.of(new ClassHoldings(COMMON, "Common", List.of(new RecordPosition(StakeholderId.of("ana"),
                        "CS-1", Quantity.of(1000), false)))));
        HolderOfRecordLine line = new HolderOfRecordLine(COMMON, "Common", StakeholderId.of("ana"), "Ana Founder",
                AccreditedInvestorStatus.UNKNOWN, Quantity.of(1000), Quantity.ZERO, List.of("CS-1"), true, false);
        String twelveG = normalised(text(PDF.holdersOfRecord(new HoldersOfRecordStatement(IssuerId.of("i"), "Twelve G Inc.",
                holders, HoldersOfRecord.compute(holders), List.of(line)))));
        assertThat(twelveG).contains("Holders of record as of 2024-12-31", "Registration under §12(g)(1) required no",
                "Ana Founder", "CS-1", "Source: " + HoldersOfRecord.SRC_ASSETS);
    }

    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Text extraction breaks lines where the layout wraps them; compare with every run of white space as one. */
    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
