package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * The stock ledger and the register of members over REST, as JSON and CSV, for a history recorded through the
 * command API: issuances (one back-dated), transfers, a split, a conversion and a cancellation, in a company formed
 * in Great Britain whose members have addresses.
 */
class RegistersTest extends EndToEndTest {

    @Test
    void theRegistersOfABritishCompanyAsJsonCsvAndPdf() throws IOException {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Registers Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ana = ok(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ana Alves"},
                 "relationship": "FOUNDER", "address": {"addressType": "LEGAL", "streetSuite": "1 Poultry",
                 "city": "London", "country": "GB", "postalCode": "EC2R 8EJ"}}""").id();
        String ben = ok(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ben Brook"},
                 "relationship": "INVESTOR", "address": {"addressType": "LEGAL", "streetSuite": "5 rue de Rivoli",
                 "city": "Paris", "country": "FR", "postalCode": "75001"}}""").id();
        String cara = ok(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "=Cara Cole"},
                 "relationship": "EMPLOYEE"}""").id();
        String ordinary = ok(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Ordinary", "classType": "COMMON", "certificatePrefix": "ORD-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "100000",
                 "parValue": {"amount": "0.01", "currency": "GBP"}}""").id();
        String preference = ok(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Preference", "classType": "PREFERRED", "certificatePrefix": "PRF-",
                 "votesPerShare": "1", "seniority": 2, "initialSharesAuthorized": "10000",
                 "conversionRights": [{"convertsToStockClassId": "%s",
                                       "ratio": {"numerator": "1", "denominator": "1"}}]}""".formatted(ordinary)).id();
        String ord1 = ok(base + "/stock-issuances", issuance("2020-02-01", ana, ordinary, "10000", "0.01")).id();
        String prf1 = ok(base + "/stock-issuances", issuance("2020-02-01", ben, preference, "1000", "1")).id();
        ok(base + "/securities/" + ord1 + "/transfers", """
                {"date": "2021-03-01", "transferees": [{"stakeholderId": "%s", "quantity": "2500"}],
                 "consideration": "GBP 1,000, paid"}""".formatted(ben));
        ok(base + "/stock-classes/" + ordinary + "/splits", """
                {"date": "2022-01-01", "ratio": {"numerator": "2", "denominator": "1"}}""");
        ok(base + "/securities/" + prf1 + "/conversions", """
                {"date": "2022-06-01", "quantity": "400", "toStockClassId": "%s"}""".formatted(ordinary));
        String anasOrdinary = api.get(base + "/securities?stakeholderId=" + ana + "&status=OUTSTANDING").json()
                .get("items").get(0).get("securityId").asString();
        ok(base + "/securities/" + anasOrdinary + "/cancellations", """
                {"date": "2023-01-01", "quantity": "1000", "reason": "Forfeited"}""");
        // Recorded last, effective first: Cara's preference shares, which she transfers whole to Ana.
        String cara1 = ok(base + "/stock-issuances", issuance("2020-01-15", cara, preference, "100", "0.05")).id();
        Api.Response last = ok(base + "/securities/" + cara1 + "/transfers", """
                {"date": "2020-06-01", "transferees": [{"stakeholderId": "%s", "quantity": "100"}]}""".formatted(ana));

        // ---- stock ledger, JSON
        JsonNode ledger = api.read(base + "/stock-ledger?size=200", last).json();
        assertThat(ledger.get("issuerLegalName").asString()).isEqualTo("Registers Ltd");
        JsonNode lines = ledger.get("entries").get("items");
        assertThat(Api.texts(lines, "kind")).containsExactly("ISSUANCE", "ISSUANCE", "ISSUANCE", "TRANSFER",
                "TRANSFER", "TRANSFER", "TRANSFER", "SPLIT", "SPLIT", "CONVERSION", "CONVERSION", "CANCELLATION");
        assertThat(Api.texts(lines, "effectiveDate")).containsExactly("2020-01-15", "2020-02-01", "2020-02-01",
                "2020-06-01", "2020-06-01", "2021-03-01", "2021-03-01", "2022-01-01", "2022-01-01", "2022-06-01",
                "2022-06-01", "2023-01-01");
        JsonNode backDated = lines.get(0);
        assertThat(backDated.get("holderName").asString()).isEqualTo("=Cara Cole");
        assertThat(backDated.get("shares").asString()).isEqualTo("100");
        assertThat(backDated.get("pricePerShare").get("amount").asString()).isEqualTo("0.05");
        assertThat(Api.strings(backDated.get("certificatesIn"))).containsExactly("PRF-3");
        assertThat(backDated.get("sequenceNumber").asLong()).isGreaterThan(lines.get(1).get("sequenceNumber").asLong());
        JsonNode anaOut = lines.get(5);
        assertThat(anaOut.get("stakeholderId").asString()).isEqualTo(ana);
        assertThat(anaOut.get("shares").asString()).isEqualTo("-2500");
        assertThat(Api.strings(anaOut.get("certificatesOut"))).containsExactly("ORD-1");
        assertThat(anaOut.get("balanceCertificate").asString()).isEqualTo("ORD-3");
        assertThat(anaOut.get("consideration").asString()).isEqualTo("GBP 1,000, paid");
        assertThat(anaOut.get("eventType").asString()).isEqualTo("StockTransferred");
        assertThat(anaOut.get("eventId").asString()).isNotBlank();
        assertThat(lines.get(6).get("shares").asString()).isEqualTo("2500");
        assertThat(lines.get(9).get("stockClassName").asString()).isEqualTo("Preference");
        assertThat(lines.get(9).get("shares").asString()).isEqualTo("-400");
        assertThat(lines.get(10).get("stockClassName").asString()).isEqualTo("Ordinary");
        assertThat(lines.get(11).get("memo").asString()).isEqualTo("Forfeited");

        JsonNode early = api.get(base + "/stock-ledger?asOf=2021-12-31").json();
        assertThat(early.get("asOf").asString()).isEqualTo("2021-12-31");
        assertThat(early.get("entries").get("totalItems").asInt()).isEqualTo(7);
        JsonNode page = api.get(base + "/stock-ledger?size=5&page=2").json().get("entries");
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("totalItems").asInt()).isEqualTo(12);
        assertThat(page.get("totalPages").asInt()).isEqualTo(3);

        // ---- stock ledger, CSV
        Api.Response csv = api.get(base + "/stock-ledger.csv");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", issuerId + "-stock-ledger-");
        List<List<String>> rows = csv(csv.text());
        assertThat(rows).hasSize(13);
        assertThat(rows.get(0).subList(0, 4)).containsExactly("effective_date", "recorded_at", "sequence_number",
                "kind");
        assertThat(rows.get(1).get(5)).isEqualTo("'=Cara Cole");
        assertThat(rows.get(6).get(8)).isEqualTo("-2500");
        assertThat(rows.get(6).get(11)).isEqualTo("GBP 1,000, paid");
        assertThat(csv(api.get(base + "/stock-ledger.csv?asOf=2021-12-31").text())).hasSize(8);
        // The suffix decides the representation: CSV whatever Accept says; without it, JSON or 406.
        Api.Response csvAskedAsJson = api.get(base + "/stock-ledger.csv", "Accept", "application/json");
        assertThat(csvAskedAsJson.status()).isEqualTo(200);
        assertThat(csvAskedAsJson.header("Content-Type")).startsWith("text/csv");
        Api.Response jsonAskedAsCsv = api.get(base + "/stock-ledger", "Accept", "text/csv");
        assertThat(jsonAskedAsCsv.status()).isEqualTo(406);
        assertThat(jsonAskedAsCsv.json().get("code").asString()).isEqualTo("NOT_ACCEPTABLE");

        // ---- stock ledger, PDF: the whole ledger, dated asOf, the same bytes for the same request
        Api.Download ledgerPdf = api.download(base + "/stock-ledger.pdf?asOf=2023-06-30", "Accept",
                "application/json");
        assertThat(ledgerPdf.status()).as(ledgerPdf.text()).isEqualTo(200);
        assertThat(ledgerPdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(ledgerPdf.header("Content-Disposition")).contains("attachment",
                issuerId + "-stock-ledger-2023-06-30.pdf");
        assertThat(pdfText(ledgerPdf.body())).contains("Registers Ltd").contains("Stock ledger as of 2023-06-30")
                .contains("8 Del. C. §219 and §224").contains("=Cara Cole").contains("Ben Brook")
                .contains("-2,500").contains("+10,000").contains("GBP 1,000, paid").contains("Forfeited")
                .contains("12 lines").contains("Page 1 of");
        assertThat(api.download(base + "/stock-ledger.pdf?asOf=2023-06-30").body()).isEqualTo(ledgerPdf.body());
        assertThat(pdfText(api.download(base + "/stock-ledger.pdf?asOf=2021-12-31").body())).contains("7 lines");

        // ---- register of members, JSON
        JsonNode register = api.get(base + "/register-of-members").json();
        assertThat(register.get("paidUpBasis").asString()).contains("fully paid");
        JsonNode members = register.get("members").get("items");
        assertThat(Api.texts(members, "name")).containsExactly("=Cara Cole", "Ana Alves", "Ben Brook");
        JsonNode caraEntry = members.get(0);
        assertThat(caraEntry.get("enteredOn").asString()).isEqualTo("2020-01-15");
        assertThat(caraEntry.get("ceasedOn").asString()).isEqualTo("2020-06-01");
        assertThat(caraEntry.get("holdings")).isEmpty();
        JsonNode anaEntry = members.get(1);
        assertThat(anaEntry.get("enteredOn").asString()).isEqualTo("2020-02-01");
        assertThat(anaEntry.get("ceasedOn").isNull()).isTrue();
        assertThat(anaEntry.get("address").get("city").asString()).isEqualTo("London");
        JsonNode anasShares = anaEntry.get("holdings").get(0);
        assertThat(anasShares.get("stockClassName").asString()).isEqualTo("Ordinary");
        assertThat(anasShares.get("shares").asString()).isEqualTo("14000");
        assertThat(anasShares.get("certificates")).hasSize(1);
        // 0.01 x 10,000, less what went with the 2,500 transferred (25) and with the 1,000 cancelled after the split
        assertThat(anasShares.get("amountPaidUp").get(0).get("amount").asString()).isEqualTo("70");
        assertThat(anasShares.get("amountPaidUp").get(0).get("currency").asString()).isEqualTo("GBP");
        assertThat(anasShares.get("sharesWithUnknownPaidUp").asString()).isEqualTo("0");
        JsonNode anasPreference = anaEntry.get("holdings").get(1);
        assertThat(Api.strings(anasPreference.get("certificates"))).containsExactly("PRF-4");
        assertThat(anasPreference.get("amountPaidUp").get(0).get("amount").asString()).isEqualTo("5");
        JsonNode bensShares = members.get(2).get("holdings");
        assertThat(Api.texts(bensShares, "stockClassName")).containsExactly("Ordinary", "Preference");
        assertThat(Api.texts(bensShares, "shares")).containsExactly("5400", "600");
        assertThat(bensShares.get(0).get("amountPaidUp").get(0).get("amount").asString()).isEqualTo("425");
        assertThat(bensShares.get(1).get("amountPaidUp").get(0).get("amount").asString()).isEqualTo("600");
        assertThat(members.get(2).get("address").get("country").asString()).isEqualTo("FR");

        JsonNode inMarch2020 = api.get(base + "/register-of-members?asOf=2020-03-01").json().get("members")
                .get("items");
        assertThat(Api.texts(inMarch2020, "name")).containsExactly("=Cara Cole", "Ana Alves", "Ben Brook");
        assertThat(inMarch2020.get(0).get("ceasedOn").isNull()).isTrue();
        assertThat(inMarch2020.get(0).get("holdings").get(0).get("shares").asString()).isEqualTo("100");

        // ---- register of members, CSV
        Api.Response registerCsv = api.get(base + "/register-of-members.csv", "Accept", "text/csv");
        assertThat(registerCsv.status()).as(registerCsv.text()).isEqualTo(200);
        List<List<String>> registerRows = csv(registerCsv.text());
        assertThat(registerRows).hasSize(6);
        assertThat(registerRows.get(1).subList(0, 2)).containsExactly(cara, "'=Cara Cole");
        assertThat(registerRows.get(1).get(9)).isEqualTo("2020-06-01");
        assertThat(registerRows.get(2)).containsExactly(ana, "Ana Alves", "LEGAL", "1 Poultry", "London", "",
                "EC2R 8EJ", "GB", "2020-02-01", "", ordinary, "Ordinary", "14000",
                anasShares.get("certificates").get(0).asString(), "70 GBP", "0");
        assertThat(registerRows.get(3).subList(10, 16)).containsExactly(preference, "Preference", "100", "PRF-4",
                "5 GBP", "0");
        assertThat(registerRows.get(5).subList(10, 16)).containsExactly(preference, "Preference", "600", "PRF-2",
                "600 GBP", "0");

        // ---- register of members, PDF
        Api.Download registerPdf = api.download(base + "/register-of-members.pdf?asOf=2023-06-30");
        assertThat(registerPdf.status()).as(registerPdf.text()).isEqualTo(200);
        assertThat(registerPdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(registerPdf.header("Content-Disposition")).contains(issuerId + "-register-of-members-2023-06-30.pdf");
        assertThat(pdfText(registerPdf.body())).contains("Register of members as of 2023-06-30")
                .contains("Companies Act 2006 s.113").contains("Ana Alves").contains("1 Poultry, London, EC2R 8EJ, GB")
                .contains("14,000").contains("GBP 70").contains("2 members on 2023-06-30, 1 former");
        assertThat(api.download(base + "/register-of-members.pdf?asOf=2023-06-30").body())
                .isEqualTo(registerPdf.body());
    }

    @Test
    void aCompanyNotFormedInGreatBritainHasAStockLedgerButNoRegisterOfMembers() {
        String issuerId = createIssuer("Delaware Registers Inc.", "2020-01-01").json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ana = registerStakeholder(issuerId, "Ana Alves", "2020-01-01").id();
        String common = createStockClass(issuerId, "Common", "CS-", "1000000", "2020-01-01").id();
        Api.Response issued = ok(base + "/stock-issuances", issuance("2020-02-01", ana, common, "1000", "0.0001"));

        assertThat(api.read(base + "/stock-ledger", issued).json().get("entries").get("totalItems").asInt())
                .isEqualTo(1);
        for (String path : List.of("/register-of-members", "/register-of-members.csv", "/register-of-members.pdf")) {
            Api.Response refused = api.get(base + path, "Accept", path.endsWith(".csv") ? "text/csv" : "*/*");
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("REGISTER_NOT_APPLICABLE");
            assertThat(refused.json().get("countryOfFormation").asString()).isEqualTo("US");
        }
        Api.Response beforeFormation = api.get(base + "/stock-ledger.csv?asOf=2019-12-31");
        assertThat(beforeFormation.status()).isEqualTo(422);
        assertThat(beforeFormation.json().get("code").asString()).isEqualTo("DATE_BEFORE_FORMATION");
        assertThat(api.get(base + "/stock-ledger?asOf=2020-13-01").json().get("code").asString())
                .isEqualTo("INVALID_PARAMETER");
    }

    private Api.Response ok(String path, String body) {
        Api.Response response = api.command(path, body);
        assertThat(response.status()).as(path + ": " + response.text()).isBetween(200, 201);
        return response;
    }

    private static String issuance(String date, String holder, String stockClass, String quantity, String price) {
        return """
                {"date": "%s", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "%s",
                 "pricePerShare": {"amount": "%s", "currency": "GBP"}, "consideration": "Cash"}"""
                .formatted(date, holder, stockClass, quantity, price);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<List<String>> csv(String text) {
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<List<String>> rows = mapper.readerFor(List.class).readValues(text)) {
            return new ArrayList<>(rows.readAll());
        }
    }
}
