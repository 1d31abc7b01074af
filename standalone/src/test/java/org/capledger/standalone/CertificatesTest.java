package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Share certificates over HTTP: one per stock security, ended and linked by the transactions on it (a partial
 * transfer's balance certificate, a lost certificate's replacement, a retraction), printed as PDF with the class's
 * legends and the officers' signature blocks, and verified publicly by code without revealing the holder.
 */
class CertificatesTest extends EndToEndTest {

    @Test
    void certificatesFollowTheLedgerAndPrintAndVerify() throws IOException {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Certified Robotics, Inc.", "formationDate": "2020-01-01", "countryOfFormation": "US",
                 "subdivisionOfFormation": "DE"}""").json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ana = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Zoë Ångström-Müller"},
                 "email": "zoe@example.com", "relationship": "FOUNDER"}""").id();
        String anna = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Анна Петрова"},
                 "relationship": "EMPLOYEE"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common Stock", "classType": "COMMON", "certificatePrefix": "CS-",
                 "parValue": {"amount": "0.0001", "currency": "USD"},
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "10000000"}""").id();
        assertThat(api.put(base + "/certificate-officers", """
                {"date": "2020-01-01", "officers": [{"name": "Ada Lovelace", "title": "President"},
                                                     {"name": "Charles Babbage", "title": "Secretary"}]}""")
                .status()).isEqualTo(200);
        Api.Response legends = api.put(base + "/stock-classes/" + common + "/legends", """
                {"date": "2020-01-01", "legends": [{"template": "SECURITIES_ACT_1933"},
                                                    {"text": "Subject to the Founders' Agreement of 2020."}]}""");
        assertThat(legends.status()).as(legends.text()).isEqualTo(200);

        String cs1 = api.command(base + "/stock-issuances", """
                {"date": "2020-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "10000",
                 "pricePerShare": {"amount": "0.0001", "currency": "USD"}}""".formatted(ana, common)).id();
        // Zoë transfers 2,500 to Анна: CS-1 is cancelled, Анна gets CS-2, Zoë's balance is CS-3.
        Api.Response transfer = api.command(base + "/securities/" + cs1 + "/transfers", """
                {"date": "2021-03-01", "transferees": [{"stakeholderId": "%s", "quantity": "2500"}],
                 "consideration": "USD 250"}""".formatted(anna));
        assertThat(transfer.status()).as(transfer.text()).isEqualTo(200);
        String cs2 = transfer.json().get("securityIds").get(0).asString();
        // Анна loses CS-2: it is replaced by CS-4 on her affidavit.
        Api.Response replaced = api.command(base + "/securities/" + cs2 + "/lost-certificate-replacements", """
                {"date": "2022-05-10", "affidavitDate": "2022-05-02", "reason": "Lost in a move"}""");
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        // CS-5 is issued by mistake and retracted: void.
        String cs5 = api.command(base + "/stock-issuances", """
                {"date": "2022-06-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "1",
                 "pricePerShare": {"amount": "0.0001", "currency": "USD"}}""".formatted(anna, common)).id();
        Api.Response retraction = api.command(base + "/securities/" + cs5 + "/retractions", """
                {"date": "2022-06-02", "reason": "Issued in error"}""");
        assertThat(retraction.status()).as(retraction.text()).isEqualTo(200);

        JsonNode list = api.read(base + "/certificates?sort=label", retraction).json();
        assertThat(Api.texts(list.get("items"), "label")).containsExactly("CS-1", "CS-2", "CS-3", "CS-4", "CS-5");
        assertThat(Api.texts(list.get("items"), "status"))
                .containsExactly("CANCELLED", "REPLACED", "ACTIVE", "ACTIVE", "VOID");
        assertThat(api.get(base + "/certificates?status=ACTIVE").json().get("totalItems").asInt()).isEqualTo(2);

        JsonNode first = api.get(base + "/certificates/cs-1").json();
        assertThat(first.get("endedBy").asString()).isEqualTo("TRANSFER");
        assertThat(first.get("endedOn").asString()).isEqualTo("2021-03-01");
        assertThat(first.get("balance").get("label").asString()).isEqualTo("CS-3");
        assertThat(Api.texts(first.get("resulting"), "label")).containsExactly("CS-2", "CS-3");
        JsonNode lost = api.get(base + "/certificates/CS-2").json();
        assertThat(lost.get("replacement").get("label").asString()).isEqualTo("CS-4");
        assertThat(lost.get("affidavitDate").asString()).isEqualTo("2022-05-02");
        JsonNode replacement = api.get(base + "/certificates/CS-4").json();
        assertThat(replacement.get("origin").asString()).isEqualTo("REISSUANCE");
        assertThat(replacement.get("source").get("label").asString()).isEqualTo("CS-2");
        assertThat(replacement.get("holderName").asString()).isEqualTo("Анна Петрова");
        assertThat(replacement.get("quantity").asString()).isEqualTo("2500");

        // The balance certificate as PDF: everything printed, the same bytes twice.
        JsonNode balance = api.get(base + "/certificates/CS-3").json();
        byte[] pdf = api.bytes(base + "/certificates/CS-3.pdf");
        assertThat(api.bytes(base + "/certificates/CS-3.pdf")).isEqualTo(pdf);
        String text = text(pdf);
        assertThat(text).contains("CS-3", "Certified Robotics, Inc.", "Delaware", "Zoë Ångström-Müller",
                "7,500", "Seven Thousand Five Hundred", "Common Stock", "SECURITIES ACT OF 1933",
                "Founders' Agreement", "Ada Lovelace", "Charles Babbage", "Secretary",
                balance.get("verificationCode").asString());
        assertThat(squeezed(text)).doesNotContain("CANCELLED", "VOID", "SPECIMEN");
        assertThat(text(api.bytes(base + "/certificates/CS-4.pdf"))).contains("Анна Петрова", "Two Thousand Five Hundred");
        // the watermark runs diagonally, so its letters come out in pieces
        assertThat(squeezed(text(api.bytes(base + "/certificates/CS-1.pdf")))).contains("CANCELLED");
        assertThat(squeezed(text(api.bytes(base + "/certificates/CS-5.pdf")))).contains("VOID");

        // Anyone can verify a code, and learns nothing about the holder.
        JsonNode valid = anonymous.get("/api/verify/" + balance.get("verificationCode").asString().toLowerCase())
                .json();
        assertThat(valid.get("status").asString()).isEqualTo("VALID");
        assertThat(valid.get("label").asString()).isEqualTo("CS-3");
        assertThat(valid.get("issuerLegalName").asString()).isEqualTo("Certified Robotics, Inc.");
        assertThat(valid.toString()).doesNotContain("Zoë", ana, "7500");
        assertThat(anonymous.get("/api/verify/" + first.get("verificationCode").asString()).json()
                .get("status").asString()).isEqualTo("CANCELLED");
        assertThat(anonymous.get("/api/verify/" + lost.get("verificationCode").asString()).json()
                .get("status").asString()).isEqualTo("REPLACED");
        assertThat(anonymous.get("/api/verify/0000-0000-0000-0000").json().get("status").asString())
                .isEqualTo("UNKNOWN");
        assertThat(anonymous.get("/api/verify/not-a-code").json().get("status").asString()).isEqualTo("UNKNOWN");

        // The audit trail tells what happened to the certificates.
        JsonNode audit = api.get(base + "/audit-trail?size=100").json();
        assertThat(Api.texts(audit.get("items"), "summary")).contains(
                "Set the officers signing certificates from 2020-01-01: Ada Lovelace (President), "
                        + "Charles Babbage (Secretary)",
                "Set 2 legends on Common Stock certificates from 2020-01-01: Securities Act of 1933 restriction, "
                        + "custom text",
                "Replaced lost certificate CS-2 of Анна Петрова with CS-4 (affidavit of loss dated 2022-05-02): "
                        + "Lost in a move");
    }

    @Test
    void badCertificateRequestsAreProblemsAndChangeNothing() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Careful Co", "formationDate": "2020-01-01", "countryOfFormation": "US"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);

        Api.Response tooMany = api.put(base + "/certificate-officers", """
                {"date": "2020-01-01", "officers": [{"name": "A", "title": "B"}, {"name": "C", "title": "D"},
                                                     {"name": "E", "title": "F"}]}""");
        assertThat(tooMany.status()).isEqualTo(400);
        Api.Response both = api.put(base + "/stock-classes/nope/legends", """
                {"date": "2020-01-01", "legends": [{"template": "RULE_701", "text": "and text"}]}""");
        assertThat(both.status()).isEqualTo(422);
        Api.Response unknownTemplate = api.put(base + "/stock-classes/nope/legends", """
                {"date": "2020-01-01", "legends": [{"template": "NO_SUCH_LEGEND"}]}""");
        assertThat(unknownTemplate.status()).isEqualTo(400);
        Api.Response unknownSecurity = api.command(base + "/securities/nope/lost-certificate-replacements", """
                {"date": "2022-05-10", "affidavitDate": "2022-05-02"}""");
        assertThat(unknownSecurity.json().get("code").asString()).isEqualTo("UNKNOWN_SECURITY");
        assertThat(api.get(base + "/certificates/CS-99").status()).isEqualTo(404);
        assertThat(api.get(base + "/certificates?status=LOST").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(events);

        assertThat(api.get("/api/certificate-legend-templates").json().get(0).get("template").asString())
                .isEqualTo("SECURITIES_ACT_1933");
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s", "");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
