package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The reports over HTTP on a history recorded through the REST API: every kind of stock transaction, a retraction,
 * a conversion between classes, exercises of a grant and a warrant, a SAFE's conversion and a split. Its integrity
 * report passes every check; its cap table report downloads as CSV, XLSX and PDF with the cap table's own figures.
 */
class ReportsTest extends EndToEndTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String FORMULA_NAME = "=SUM(A1:A9) Holdings";

    /** The issuer's base path, after recording its history. */
    private String recordHistory(String name) {
        String issuerId = createIssuer(name, "2020-01-01").json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        ok(api.command(base + "/authorized-shares-adjustments", """
                {"date": "2020-01-01", "newSharesAuthorized": "50000000"}"""));
        String ana = registerStakeholder(issuerId, "Ana Alves", "2020-01-01").id();
        String ben = registerStakeholder(issuerId, "Ben Brook", "2020-01-01").id();
        String chloe = registerStakeholder(issuerId, "Chloé Durand", "2020-01-01").id();
        String mallory = registerStakeholder(issuerId, FORMULA_NAME, "2020-01-01").id();
        String common = createStockClass(issuerId, "Common", "CS-", "10000000", "2020-01-01").id();
        String preferred = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Series Seed Preferred", "classType": "PREFERRED",
                 "certificatePrefix": "PS-", "votesPerShare": "1", "seniority": 2, "initialSharesAuthorized": "1000000",
                 "conversionRights": [{"convertsToStockClassId": "%s",
                                       "ratio": {"numerator": "1", "denominator": "1"}}]}""".formatted(common)).id();

        String anas = issue(issuerId, ana, common, "4000000", "2020-01-15").id();
        String bens = issue(issuerId, ben, common, "1000000", "2020-02-01").id();
        String chloes = issue(issuerId, chloe, preferred, "500000", "2020-03-01").id();
        issue(issuerId, mallory, common, "100000", "2020-03-01");
        String mistaken = issue(issuerId, ben, common, "1000", "2021-03-01").id();

        ok(api.command(base + "/securities/" + anas + "/transfers", """
                {"date": "2021-01-01", "transferees": [{"stakeholderId": "%s", "quantity": "500000"}]}"""
                .formatted(chloe)));
        JsonNode cancelled = ok(api.command(base + "/securities/" + bens + "/cancellations", """
                {"date": "2021-02-01", "quantity": "100000", "reason": "Forfeited"}""")).json();
        String bensBalance = cancelled.get("securityIds").get(0).asString();
        JsonNode repurchased = ok(api.command(base + "/securities/" + bensBalance + "/repurchases", """
                {"date": "2021-02-15", "quantity": "100000", "price": {"amount": "0.5", "currency": "USD"}}""")).json();
        String bensRest = repurchased.get("securityIds").get(0).asString();
        JsonNode reissued = ok(api.command(base + "/securities/" + bensRest + "/reissuances", """
                {"date": "2021-02-20", "newSecurities": [{"quantity": "500000"}, {"quantity": "300000"}]}""")).json();
        ok(api.command(base + "/stock-consolidations", """
                {"date": "2021-02-25", "securityIds": ["%s", "%s"]}""".formatted(
                reissued.get("securityIds").get(0).asString(), reissued.get("securityIds").get(1).asString())));
        ok(api.command(base + "/securities/" + mistaken + "/retractions", """
                {"date": "2021-04-01", "reason": "Issued in error"}"""));
        ok(api.command(base + "/securities/" + chloes + "/conversions", """
                {"date": "2021-06-01", "quantity": "200000", "toStockClassId": "%s"}""".formatted(common)));

        String plan = ok(api.command(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "2020 Equity Plan", "initialSharesReserved": "1000000",
                 "stockClassIds": ["%s"]}""".formatted(common))).id();
        String option = ok(api.command(base + "/equity-compensation-issuances", """
                {"date": "2021-01-15", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "OPTION_NSO", "quantity": "100000",
                 "exercisePrice": {"amount": "0.1", "currency": "USD"}, "expirationDate": "2031-01-14"}"""
                .formatted(ben, plan, common))).id();
        ok(api.command(base + "/grants/" + option + "/exercises", """
                {"date": "2021-07-01", "quantity": "20000"}"""));
        String warrant = ok(api.command(base + "/warrant-issuances", """
                {"date": "2021-01-15", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "50000",
                 "exercisePrice": {"amount": "1", "currency": "USD"}, "purchasePrice": {"amount": "0", "currency": "USD"}}"""
                .formatted(chloe, common))).id();
        ok(api.command(base + "/warrants/" + warrant + "/exercises", """
                {"date": "2021-08-01", "quantity": "10000"}"""));
        String safe = ok(api.command(base + "/convertible-issuances", """
                {"date": "2021-01-15", "stakeholderId": "%s", "convertibleType": "SAFE",
                 "investmentAmount": {"amount": "100000", "currency": "USD"}}""".formatted(chloe))).id();
        ok(api.command(base + "/convertibles/" + safe + "/conversions", """
                {"date": "2021-09-01", "stockClassId": "%s", "quantity": "25000", "reason": "Seed round"}"""
                .formatted(common)));
        ok(api.command(base + "/stock-classes/" + common + "/splits", """
                {"date": "2022-01-01", "ratio": {"numerator": "2", "denominator": "1"}}"""));
        return base;
    }

    private static List<List<String>> csvRows(String text) {
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(text)) {
            return rows.readAll();
        }
    }

    /** A plain decimal with thousands separators, as the PDF prints it. */
    private static String grouped(String plain) {
        return new java.text.DecimalFormat("#,##0.##########",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US)).format(new BigDecimal(plain));
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 201);
        return response;
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.get("checks")) {
            if (check.get("name").asString().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    @Test
    void theIntegrityReportOfAHistoryRecordedThroughRestPassesEveryCheck() {
        String base = recordHistory("Integrity Inc.");

        Api.Response response = api.get(base + "/reports/integrity");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("passed").asBoolean()).as(response.text()).isTrue();
        assertThat(report.get("asOf").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(report.get("issuerLegalName").asString()).isEqualTo("Integrity Inc.");
        assertThat(Api.texts(report.get("checks"), "name")).containsExactly("AUTHORIZED_NOT_EXCEEDED",
                "TRACED_TO_ISSUANCE", "NO_NEGATIVE_POSITION", "QUANTITIES_CONSERVED", "CERTIFICATES_CONSISTENT");
        for (JsonNode check : report.get("checks")) {
            assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.get("offendingCount").asInt()).isZero();
            assertThat(check.get("offending")).isEmpty();
            assertThat(check.get("examined").asLong()).as(check.get("name").asString()).isPositive();
        }
        long securities = api.get(base + "/securities?size=1").json().get("totalItems").asLong();
        assertThat(check(report, "TRACED_TO_ISSUANCE").get("examined").asLong()).isEqualTo(securities);
        // two registers: the certificates read model and security_view
        assertThat(check(report, "CERTIFICATES_CONSISTENT").get("examined").asLong()).isEqualTo(2 * securities);
        assertThat(check(report, "CERTIFICATES_CONSISTENT").get("description").asString())
                .contains("(certificate, security_view)");
        // transfer, cancellation, repurchase, reissuance, consolidation, retraction, conversion, two exercises, split
        assertThat(check(report, "QUANTITIES_CONSERVED").get("examined").asLong()).isEqualTo(10);

        JsonNode beforeSplit = api.get(base + "/reports/integrity?asOf=2021-12-31").json();
        assertThat(beforeSplit.get("passed").asBoolean()).isTrue();
        assertThat(beforeSplit.get("eventsFolded").asInt()).isLessThan(report.get("eventsFolded").asInt());
        assertThat(check(beforeSplit, "QUANTITIES_CONSERVED").get("examined").asLong()).isEqualTo(9);

        Api.Response tooEarly = api.get(base + "/reports/integrity?asOf=2019-12-31");
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.json().get("code").asString()).isEqualTo("DATE_BEFORE_FORMATION");
        assertThat(api.get("/api/issuers/no-such-issuer/reports/integrity").status()).isEqualTo(404);
    }

    @Test
    void theIntegrityReportDownloadsAsPdfWithItsWorkingByFormatOrAccept() throws IOException {
        String base = recordHistory("Integrity PDF Inc.");

        Api.Download byAccept = api.download(base + "/reports/integrity?asOf=2023-12-31", "Accept",
                "application/pdf");
        assertThat(byAccept.status()).as(byAccept.text()).isEqualTo(200);
        assertThat(byAccept.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(byAccept.header("Content-Disposition")).contains("attachment", "-integrity-2023-12-31.pdf");
        String text = pdfText(byAccept.body());
        assertThat(text).contains("Ledger integrity as of 2023-12-31").contains("Integrity PDF Inc.")
                .contains("Passed: all 5 checks found nothing wrong").contains("AUTHORIZED_NOT_EXCEEDED")
                .contains("4. Quantities conserved: passed").contains("Examined 10 items; none offends.");
        Api.Download byFormat = api.download(base + "/reports/integrity?asOf=2023-12-31&format=pdf", "Accept",
                "application/json");
        assertThat(byFormat.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(byFormat.body()).isEqualTo(byAccept.body());

        assertThat(api.get(base + "/reports/integrity", "Accept", "application/json").header("Content-Type"))
                .startsWith("application/json");
        Api.Response csv = api.get(base + "/reports/integrity", "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(406);
        assertThat(csv.json().get("code").asString()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(api.get(base + "/reports/integrity?format=xlsx").json().get("code").asString())
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void theCapTableReportDownloadsAsCsvXlsxAndPdfWithTheCapTablesFigures() throws IOException {
        String base = recordHistory("Cap Table Report Inc.");
        JsonNode capTable = api.get(base + "/cap-table").json();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Api.Download csv = api.download(base + "/reports/cap-table");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .contains("filename=\"cap-table-report-inc-cap-table-" + today + ".csv\"");
        List<List<String>> records = csvRows(csv.text());
        List<String> header = records.get(0);
        List<String> total = records.get(records.size() - 1);
        assertThat(total.get(0)).isEqualTo("Total");
        assertThat(total.get(header.indexOf("Fully diluted")))
                .isEqualTo(capTable.get("totals").get("fullyDiluted").asString());
        assertThat(total.get(header.indexOf("Shares outstanding")))
                .isEqualTo(capTable.get("totals").get("sharesOutstanding").asString());
        assertThat(records.stream().map(r -> r.get(0))).contains("Ana Alves", "Chloé Durand", "'" + FORMULA_NAME,
                "2020 Equity Plan (available for grant)");
        BigDecimal rows = records.subList(1, records.size() - 1).stream()
                .map(r -> new BigDecimal(r.get(header.indexOf("Fully diluted")))).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
        assertThat(rows).isEqualByComparingTo(total.get(header.indexOf("Fully diluted")));

        Api.Download xlsx = api.download(base + "/reports/cap-table?asOf=2021-12-31", "Accept", XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).isEqualTo(XLSX);
        JsonNode beforeSplit = api.get(base + "/cap-table?asOf=2021-12-31").json();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Cap table");
            Row headerRow = sheet.getRow(3);
            int fullyDiluted = -1;
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                if (headerRow.getCell(c).getStringCellValue().equals("Fully diluted")) {
                    fullyDiluted = c;
                }
            }
            Row totals = sheet.getRow(sheet.getLastRowNum());
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(BigDecimal.valueOf(totals.getCell(fullyDiluted).getNumericCellValue()))
                    .isEqualByComparingTo(beforeSplit.get("totals").get("fullyDiluted").asString());
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Cap Table Report Inc.: cap table as of 2021-12-31");
            assertThat(workbook.getSheet("Fully diluted")).isNotNull();
        }
        assertThat(api.download(base + "/reports/cap-table?asOf=2021-12-31", "Accept", XLSX).body())
                .as("the same cap table gives the same bytes").isEqualTo(xlsx.body());

        Api.Download pdf = api.download(base + "/reports/cap-table", "Accept", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("cap-table-report-inc-cap-table-" + today + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Cap Table Report Inc.").contains("Cap table as of " + today)
                    .contains("Ana Alves").contains("Ben Brook").contains("Chloé Durand").contains(FORMULA_NAME)
                    .contains("2020 Equity Plan (available for grant)")
                    .contains(grouped(capTable.get("totals").get("fullyDiluted").asString()))
                    .contains(grouped(capTable.get("totals").get("sharesOutstanding").asString()));
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(792f);
        }
        String sample = System.getProperty("capledger.sample-report-pdf");
        if (sample != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(sample), pdf.body());
        }

        Api.Download chosen = api.download(base + "/reports/cap-table?format=csv", "Accept", XLSX);
        assertThat(chosen.header("Content-Type")).startsWith("text/csv");
        Api.Download refused = api.download(base + "/reports/cap-table", "Accept", "image/png");
        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("NOT_ACCEPTABLE");
        Api.Download unknown = api.download(base + "/reports/cap-table?format=docx");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asString()).isEqualTo("INVALID_PARAMETER");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
