package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Back-dated transactions: accepted when the ledger stays valid at every later date, refused otherwise. */
class BackDatingTest extends EndToEndTest {

    @Test
    void backDatedEntriesShowUpInEarlierCapTables() {
        String issuerId = createIssuer("Back Dated Inc.", "2019-03-01").json().get("issuerId").asString();
        String ann = registerStakeholder(issuerId, "Ann Archer", "2019-03-01").id();
        String bob = registerStakeholder(issuerId, "Bob Baker", "2019-03-01").id();
        String common = createStockClass(issuerId, "Common", "CS-", "1000000", "2019-03-01").id();

        issue(issuerId, ann, common, "600000", "2021-06-01");
        // recorded later, effective earlier
        Api.Response backDated = issue(issuerId, bob, common, "100000", "2020-01-15");
        assertThat(backDated.status()).isEqualTo(201);

        JsonNode in2020 = api.get("/api/issuers/" + issuerId + "/cap-table?asOf=2020-12-31").json();
        assertThat(in2020.get("holders")).hasSize(1);
        assertThat(in2020.get("holders").get(0).get("name").asString()).isEqualTo("Bob Baker");
        assertThat(in2020.get("totals").get("sharesOutstanding").asString()).isEqualTo("100000");

        JsonNode today = api.read("/api/issuers/" + issuerId + "/cap-table", backDated).json();
        assertThat(today.get("totals").get("sharesOutstanding").asString()).isEqualTo("700000");
        assertThat(Api.texts(today.get("holders"), "name")).containsExactly("Ann Archer", "Bob Baker");
        assertThat(Api.texts(today.get("holders"), "percentOfOutstanding")).containsExactly("85.7143", "14.2857");

        // labels follow recording order, not effective order
        JsonNode securities = api.read("/api/issuers/" + issuerId + "/securities?sort=label", backDated).json();
        assertThat(Api.texts(securities.get("items"), "label")).containsExactly("CS-1", "CS-2");
        assertThat(Api.texts(securities.get("items"), "issueDate")).containsExactly("2021-06-01", "2020-01-15");
    }

    @Test
    void backDatedIssuanceThatBreaksALaterDateIsRefusedAndChangesNothing() {
        String issuerId = createIssuer("Tight Corp", "2019-01-01").json().get("issuerId").asString();
        String ann = registerStakeholder(issuerId, "Ann", "2019-01-01").id();
        String common = createStockClass(issuerId, "Common", "CS-", "1000", "2019-01-01").id();
        // authorized grows to 2000 on 2022-01-01, and 1500 are issued then
        Api.Response raise = api.command("/api/issuers/" + issuerId + "/stock-classes/" + common
                + "/authorized-shares-adjustments", """
                {"date": "2022-01-01", "newSharesAuthorized": "2000", "boardApprovalDate": "2021-12-15"}""");
        assertThat(raise.status()).isEqualTo(200);
        assertThat(issue(issuerId, ann, common, "1500", "2022-01-01").status()).isEqualTo(201);
        Map<String, Long> before = counts();

        // 600 in 2020 fits 2020's limit of 1000, but makes 2100 > 2000 from 2022 on
        Api.Response refused = issue(issuerId, ann, common, "600", "2020-06-01");

        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.get("code").asString()).isEqualTo("AUTHORIZED_SHARES_EXCEEDED");
        assertThat(problem.get("breachDate").asString()).isEqualTo("2022-01-01");
        assertThat(problem.get("sharesOutstanding").asString()).isEqualTo("2100");
        assertThat(problem.get("sharesAuthorized").asString()).isEqualTo("2000");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(counts()).isEqualTo(before);

        // an authorized decrease dated before the 1500 issuance is fine in its own time, but not from 2022 on
        Api.Response lower = api.command("/api/issuers/" + issuerId + "/stock-classes/" + common
                + "/authorized-shares-adjustments", """
                {"date": "2022-01-01", "newSharesAuthorized": "1200"}""");
        assertThat(lower.status()).isEqualTo(422);
        assertThat(lower.json().get("code").asString()).isEqualTo("AUTHORIZED_BELOW_OUTSTANDING");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void authorizedInForceFollowsEffectiveDatesNotRecordingOrder() {
        String issuerId = createIssuer("Order Ltd", "2018-01-01").json().get("issuerId").asString();
        String common = createStockClass(issuerId, "Common", "CS-", "1000", "2018-01-01").id();
        String path = "/api/issuers/" + issuerId + "/stock-classes/" + common + "/authorized-shares-adjustments";
        api.command(path, """
                {"date": "2023-01-01", "newSharesAuthorized": "5000"}""");
        Api.Response older = api.command(path, """
                {"date": "2020-01-01", "newSharesAuthorized": "3000"}""");

        JsonNode stockClass = api.read("/api/issuers/" + issuerId + "/stock-classes/" + common, older).json();
        assertThat(stockClass.get("sharesAuthorized").asString()).isEqualTo("5000");
        JsonNode in2021 = api.get("/api/issuers/" + issuerId + "/cap-table?asOf=2021-06-30").json();
        assertThat(in2021.get("stockClasses").get(0).get("sharesAuthorized").asString()).isEqualTo("3000");
        JsonNode in2019 = api.get("/api/issuers/" + issuerId + "/cap-table?asOf=2019-06-30").json();
        assertThat(in2019.get("stockClasses").get(0).get("sharesAuthorized").asString()).isEqualTo("1000");
    }

    @Test
    void datesBeforeFormationOrInTheFutureAreRefused() {
        String issuerId = createIssuer("Young Co", "2024-05-01").json().get("issuerId").asString();
        Map<String, Long> before = counts();

        Api.Response early = registerStakeholder(issuerId, "Early Bird", "2024-04-30");
        Api.Response future = registerStakeholder(issuerId, "Time Traveller", LocalDate.now().plusDays(3).toString());
        Api.Response asOf = api.get("/api/issuers/" + issuerId + "/cap-table?asOf=2024-04-30");

        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("code").asString()).isEqualTo("DATE_BEFORE_FORMATION");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("code").asString()).isEqualTo("DATE_IN_FUTURE");
        assertThat(asOf.status()).isEqualTo(422);
        assertThat(asOf.json().get("code").asString()).isEqualTo("DATE_BEFORE_FORMATION");
        assertThat(counts()).isEqualTo(before);
    }
}
