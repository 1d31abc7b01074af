package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Warrants and convertibles over HTTP: a warrant partly exercised, a SAFE listed apart from the fully diluted total
 * until it converts, a priced note counted as converted; the cap table, the instruments and the audit trail.
 */
class InstrumentsTest extends EndToEndTest {

    @Test
    void warrantExerciseSafeConversionAndTheFullyDilutedCapTable() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Instrument Co", "formationDate": "2020-01-01", "countryOfFormation": "US"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String founder = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Fay Founder"},
                 "relationship": "FOUNDER"}""").id();
        String fund = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INSTITUTION", "name": {"legalName": "Seed Fund LP"},
                 "relationship": "INVESTOR"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000000"}""").id();
        api.command(base + "/stock-issuances", """
                {"date": "2020-01-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "100000",
                 "pricePerShare": {"amount": "0.0001", "currency": "USD"}}""".formatted(founder, common));

        Api.Response warrant = api.command(base + "/warrant-issuances", """
                {"date": "2021-01-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "5000",
                 "exercisePrice": {"amount": "1", "currency": "USD"}, "purchasePrice": {"amount": "0", "currency": "USD"},
                 "expirationDate": "2031-01-01"}""".formatted(fund, common));
        assertThat(warrant.status()).as(warrant.text()).isEqualTo(201);
        Api.Response exercise = api.command(base + "/warrants/" + warrant.id() + "/exercises", """
                {"date": "2022-01-01", "quantity": "2000", "consideration": "USD 2,000"}""");
        assertThat(exercise.status()).as(exercise.text()).isEqualTo(200);
        String balance = exercise.json().get("securityIds").get(1).asString();

        Api.Response safe = api.command(base + "/convertible-issuances", """
                {"date": "2022-02-01", "stakeholderId": "%s", "convertibleType": "SAFE",
                 "investmentAmount": {"amount": "250000", "currency": "USD"},
                 "terms": {"valuationCap": {"amount": "5000000", "currency": "USD"}, "discount": "0.2",
                           "timing": "POST_MONEY"}}""".formatted(fund));
        assertThat(safe.status()).as(safe.text()).isEqualTo(201);
        Api.Response note = api.command(base + "/convertible-issuances", """
                {"date": "2022-03-01", "stakeholderId": "%s", "convertibleType": "NOTE",
                 "investmentAmount": {"amount": "10000", "currency": "USD"},
                 "terms": {"conversionPrice": {"amount": "2", "currency": "USD"}}}""".formatted(founder));
        assertThat(note.status()).as(note.text()).isEqualTo(201);

        JsonNode before = api.read(base + "/cap-table", note).json();
        assertThat(before.get("totals").get("sharesOutstanding").asString()).isEqualTo("102000");
        assertThat(before.get("totals").get("warrantsOutstanding").asString()).isEqualTo("3000");
        assertThat(before.get("totals").get("convertiblesAsConverted").asString()).isEqualTo("5000");
        assertThat(before.get("totals").get("fullyDiluted").asString()).isEqualTo("110000");
        assertThat(before.get("notCounted")).hasSize(1);
        assertThat(before.get("notCounted").get(0).get("label").asString()).isEqualTo("SAFE-1");
        assertThat(before.get("notCounted").get(0).get("valuationCap").get("amount").asString()).isEqualTo("5000000");
        JsonNode replayed = api.get(base + "/cap-table?asOf=2022-03-01").json();
        assertThat(replayed.get("totals")).isEqualTo(before.get("totals"));
        assertThat(replayed.get("notCounted")).isEqualTo(before.get("notCounted"));

        JsonNode warrants = api.get(base + "/warrants?status=OUTSTANDING").json();
        assertThat(warrants).hasSize(1);
        assertThat(warrants.get(0).get("securityId").asString()).isEqualTo(balance);
        assertThat(warrants.get(0).get("label").asString()).isEqualTo("W-2");

        Api.Response conversion = api.command(base + "/convertibles/" + safe.id() + "/conversions", """
                {"date": "2023-06-01", "stockClassId": "%s", "quantity": "62500",
                 "reason": "Series A at USD 4.00, the cap's price"}""".formatted(common));
        assertThat(conversion.status()).as(conversion.text()).isEqualTo(200);
        JsonNode after = api.read(base + "/cap-table", conversion).json();
        assertThat(after.get("notCounted")).isEmpty();
        assertThat(after.get("totals").get("sharesOutstanding").asString()).isEqualTo("164500");
        JsonNode converted = api.get(base + "/convertibles/" + safe.id()).json();
        assertThat(converted.get("status").asString()).isEqualTo("CONVERTED");

        JsonNode audit = api.read(base + "/audit-trail?size=50", conversion).json();
        assertThat(Api.texts(audit.get("items"), "summary")).contains(
                "Issued SAFE SAFE-1 to Seed Fund LP for 250000 USD, valuation cap 5000000 USD, discount 20%",
                "Exercised W-1 into 2,000 shares of Common (CS-2); balance 3,000 as W-2",
                "Converted SAFE-1 into 62,500 shares of Common (CS-3)");
    }
}
