package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The stock lifecycle over HTTP: a partial transfer with its balance certificate, a split, a conversion, a
 * cancellation and a retraction, read back as securities with their chain, the cap table now and as of earlier
 * dates, and the audit trail.
 */
class StockLifecycleTest extends EndToEndTest {

    @Test
    void transferSplitConvertCancelAndRetractReadBackConsistently() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Lifecycle Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ana = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ana Alves"},
                 "relationship": "FOUNDER"}""").id();
        String ben = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ben Brook"},
                 "relationship": "EMPLOYEE"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Ordinary", "classType": "COMMON", "certificatePrefix": "ORD-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "100000"}""").id();
        String preferred = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Preference", "classType": "PREFERRED", "certificatePrefix": "PRF-",
                 "votesPerShare": "1", "seniority": 2, "initialSharesAuthorized": "10000",
                 "conversionRights": [{"convertsToStockClassId": "%s",
                                       "ratio": {"numerator": "1", "denominator": "1"}}]}""".formatted(common)).id();
        String ord1 = api.command(base + "/stock-issuances", """
                {"date": "2020-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "10000",
                 "pricePerShare": {"amount": "0.01", "currency": "GBP"}}""".formatted(ana, common)).id();
        String prf1 = api.command(base + "/stock-issuances", """
                {"date": "2020-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "1000",
                 "pricePerShare": {"amount": "1", "currency": "GBP"}}""".formatted(ben, preferred)).id();

        // Ana transfers 2,500 of ORD-1 to Ben: ORD-1 is extinguished, Ben gets ORD-2, Ana's balance is ORD-3.
        Api.Response transfer = api.post(base + "/securities/" + ord1 + "/transfers", """
                {"date": "2021-03-01", "transferees": [{"stakeholderId": "%s", "quantity": "2500"}],
                 "consideration": "GBP 1,000 paid to Ana"}""".formatted(ben), "Idempotency-Key", "lifecycle-transfer");
        assertThat(transfer.status()).as(transfer.text()).isEqualTo(200);
        JsonNode created = transfer.json().get("securityIds");
        assertThat(created).hasSize(2);
        String ord2 = created.get(0).asString();
        String ord3 = created.get(1).asString();
        Api.Response replayed = api.post(base + "/securities/" + ord1 + "/transfers", """
                {"date": "2021-03-01", "transferees": [{"stakeholderId": "%s", "quantity": "2500"}],
                 "consideration": "GBP 1,000 paid to Ana"}""".formatted(ben), "Idempotency-Key", "lifecycle-transfer");
        assertThat(replayed.json().get("securityIds")).isEqualTo(created);

        JsonNode source = api.read(base + "/securities/" + ord1, transfer).json();
        assertThat(source.get("status").asString()).isEqualTo("TRANSFERRED");
        assertThat(source.get("extinguishedOn").asString()).isEqualTo("2021-03-01");
        assertThat(Api.strings(source.get("resultingSecurityIds"))).containsExactly(ord2, ord3);
        JsonNode toBen = api.get(base + "/securities/" + ord2).json();
        assertThat(toBen.get("label").asString()).isEqualTo("ORD-2");
        assertThat(toBen.get("stakeholderId").asString()).isEqualTo(ben);
        assertThat(toBen.get("origin").asString()).isEqualTo("TRANSFER");
        assertThat(Api.strings(toBen.get("sourceSecurityIds"))).containsExactly(ord1);
        assertThat(api.get(base + "/securities/" + ord3).json().get("quantity").asString()).isEqualTo("7500");

        // The extinguished certificate accepts nothing more.
        Api.Response again = api.post(base + "/securities/" + ord1 + "/cancellations", """
                {"date": "2021-04-01", "quantity": "1", "reason": "Too late"}""");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asString()).isEqualTo("SECURITY_NOT_OUTSTANDING");

        // 2-for-1 split of Ordinary on 2022-01-01: ORD-2 and ORD-3 become ORD-4 and ORD-5 with twice the shares.
        Api.Response split = api.command(base + "/stock-classes/" + common + "/splits", """
                {"date": "2022-01-01", "ratio": {"numerator": "2", "denominator": "1"}, "comments": "Board, 2021-12-15"}""");
        assertThat(split.status()).as(split.text()).isEqualTo(200);
        JsonNode ordinary = api.read(base + "/stock-classes/" + common, split).json();
        assertThat(ordinary.get("sharesOutstanding").asString()).isEqualTo("20000");
        assertThat(ordinary.get("sharesAuthorized").asString()).isEqualTo("200000");
        assertThat(ordinary.get("lastSplitOn").asString()).isEqualTo("2022-01-01");

        // Ben converts 400 Preference into Ordinary; 600 stay as a balance certificate.
        Api.Response conversion = api.command(base + "/securities/" + prf1 + "/conversions", """
                {"date": "2022-06-01", "quantity": "400", "toStockClassId": "%s"}""".formatted(common));
        assertThat(conversion.status()).as(conversion.text()).isEqualTo(200);

        // Ana's post-split balance: cancel 1,000 of it.
        String anasOrdinary = api.read(base + "/securities?stakeholderId=" + ana + "&status=OUTSTANDING", conversion)
                .json().get("items").get(0).get("securityId").asString();
        Api.Response cancel = api.command(base + "/securities/" + anasOrdinary + "/cancellations", """
                {"date": "2023-01-01", "quantity": "1000", "reason": "Forfeited"}""");
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);

        JsonNode now = api.read(base + "/cap-table", cancel).json();
        assertThat(now.get("totals").get("sharesOutstanding").asString()).isEqualTo("20000");
        assertThat(holder(now, "Ana Alves").get("sharesOutstanding").asString()).isEqualTo("14000");
        assertThat(holder(now, "Ben Brook").get("sharesOutstanding").asString()).isEqualTo("6000");
        assertThat(api.get(base + "/cap-table?asOf=" + "2023-01-01").json().get("holders")).isEqualTo(now.get("holders"));

        JsonNode beforeTransfer = api.get(base + "/cap-table?asOf=2021-02-28").json();
        assertThat(holder(beforeTransfer, "Ana Alves").get("sharesOutstanding").asString()).isEqualTo("10000");
        JsonNode beforeSplit = api.get(base + "/cap-table?asOf=2021-12-31").json();
        assertThat(holder(beforeSplit, "Ana Alves").get("sharesOutstanding").asString()).isEqualTo("7500");
        assertThat(holder(beforeSplit, "Ben Brook").get("sharesOutstanding").asString()).isEqualTo("3500");

        // The chain of Ana's cancelled certificate goes back to ORD-1 through the split and the transfer.
        JsonNode chain = api.get(base + "/securities/" + anasOrdinary + "/chain").json();
        assertThat(Api.texts(chain.get("transactions"), "kind"))
                .containsExactly("TRANSFER", "SPLIT", "CANCELLATION");
        assertThat(Api.texts(chain.get("securities"), "label")).contains("ORD-1", "ORD-3", "ORD-5");

        // A back-dated cancellation of shares the split has since replaced is refused and changes nothing.
        long before = count("domainevententry");
        Api.Response backDated = api.command(base + "/securities/" + ord3 + "/cancellations", """
                {"date": "2021-06-01", "quantity": "100", "reason": "Back-dated"}""");
        assertThat(backDated.json().get("code").asString()).isEqualTo("SECURITY_NOT_OUTSTANDING");
        assertThat(count("domainevententry")).isEqualTo(before);

        JsonNode audit = api.read(base + "/audit-trail?size=100", cancel).json();
        assertThat(Api.texts(audit.get("items"), "summary")).contains(
                "Transferred 2,500 shares of ORD-1 from Ana Alves to Ben Brook (ORD-2, 2,500); balance 7,500 as ORD-3",
                "Split Ordinary 2:1: 2 securities replaced, 200,000 shares authorized",
                "Converted 400 shares of PRF-1 into 400 shares of Ordinary (ORD-6) at 1:1; balance 600 as PRF-2");
    }

    @Test
    void aRetractedIssuanceDisappearsFromEveryDateSinceItsIssue() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Retraction Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ana = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ana Alves"},
                 "relationship": "FOUNDER"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Ordinary", "classType": "COMMON", "certificatePrefix": "ORD-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "100000"}""").id();
        String ord1 = api.command(base + "/stock-issuances", """
                {"date": "2020-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "500",
                 "pricePerShare": {"amount": "0.01", "currency": "GBP"}}""".formatted(ana, common)).id();

        Api.Response retraction = api.command(base + "/securities/" + ord1 + "/retractions", """
                {"date": "2023-01-01", "reason": "Issued without board approval"}""");

        assertThat(retraction.status()).as(retraction.text()).isEqualTo(200);
        assertThat(api.read(base + "/securities/" + ord1, retraction).json().get("status").asString())
                .isEqualTo("RETRACTED");
        assertThat(api.get(base + "/cap-table?asOf=2021-01-01").json().get("holders")).isEmpty();
        assertThat(api.get(base + "/cap-table").json().get("totals").get("sharesOutstanding").asString())
                .isEqualTo("0");
    }

    private static JsonNode holder(JsonNode capTable, String name) {
        for (JsonNode holder : capTable.get("holders")) {
            if (holder.get("name").asString().equals(name)) {
                return holder;
            }
        }
        throw new AssertionError("no holder " + name + " in " + capTable);
    }
}
