package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.capledger.api.IssuerEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail of one issuer whose history, recorded over HTTP, has an event of every type an issuer's stream can
 * hold (every concrete {@link IssuerEvent} on the classpath): each entry has a readable summary of its own, never the
 * bare event type, and names stakeholders, classes, plans and securities by their names and labels rather than by
 * their ids.
 */
class AuditTrailTest extends EndToEndTest {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final String ON_IPO = """
            {"id": "ipo", "name": "On IPO", "allocationType": "CUMULATIVE_ROUNDING", "vestingConditions": [
              {"id": "ipo", "portion": {"numerator": "1", "denominator": "1"}, "trigger": {"type": "VESTING_EVENT"},
               "nextConditionIds": []}]}""";

    private String base;
    private Api.Response last;

    @Test
    void everyTypeOfEventHasAReadableSummaryNamingWhatItIsAbout() {
        // issuer, stakeholders, classes
        String issuerId = ok("/api/issuers", """
                {"legalName": "Audit Trail Co", "formationDate": "2020-01-01", "countryOfFormation": "US",
                 "subdivisionOfFormation": "DE", "initialSharesAuthorized": "5000000"}""")
                .json().get("issuerId").asString();
        base = "/api/issuers/" + issuerId;
        ok(base + "/authorized-shares-adjustments", """
                {"date": "2020-06-01", "newSharesAuthorized": "6000000"}""");
        String ana = person("Ana Alves", "FOUNDER");
        String ben = person("Ben Brook", "EMPLOYEE");
        String fund = person("Seed Fund LP", "INVESTOR");
        String estate = person("Estate of Eve", "OTHER");
        send(api.patch(base + "/stakeholders/" + ana, """
                {"date": "2020-02-01", "email": "ana@audit-trail.test"}"""));
        ok(base + "/stakeholders/" + ben + "/status-changes", """
                {"date": "2023-01-01", "newStatus": "LEAVE_OF_ABSENCE", "comments": "Sabbatical"}""");
        ok(base + "/stakeholders/" + ben + "/relationship-changes", """
                {"date": "2023-01-01", "relationshipStarted": "CONSULTANT", "relationshipEnded": "EMPLOYEE"}""");
        String common = ok(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000000"}""").id();
        String preferred = ok(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Preferred", "classType": "PREFERRED", "certificatePrefix": "PS-",
                 "votesPerShare": "1", "seniority": 2, "initialSharesAuthorized": "100000",
                 "conversionRights": [{"convertsToStockClassId": "%s",
                                       "ratio": {"numerator": "1", "denominator": "1"}}]}""".formatted(common)).id();
        ok(base + "/stock-classes/" + common + "/authorized-shares-adjustments", """
                {"date": "2020-03-01", "newSharesAuthorized": "2000000"}""");
        ok(base + "/stock-classes/" + preferred + "/conversion-ratio-adjustments", """
                {"date": "2020-06-01", "convertsToStockClassId": "%s",
                 "newRatio": {"numerator": "2", "denominator": "1"}, "comments": "Anti-dilution"}""".formatted(common));

        // stock: CS-1 to CS-5 and PS-1, then every transaction on stock
        String cs1 = issue(ana, common, "100000", "2020-02-01");
        String cs2 = issue(ben, common, "10000", "2020-02-01");
        String ps1 = issue(fund, preferred, "1000", "2020-02-01");
        String cs3 = issue(ana, common, "500", "2020-02-01");
        String cs4 = issue(ana, common, "500", "2020-02-01");
        String cs5 = issue(estate, common, "10", "2020-02-01");
        String anasRest = created(ok(base + "/securities/" + cs1 + "/transfers", """
                {"date": "2021-01-01", "transferees": [{"stakeholderId": "%s", "quantity": "1000"}],
                 "consideration": "USD 1,000"}""".formatted(ben))).get(1);
        String bensRest = created(ok(base + "/securities/" + cs2 + "/cancellations", """
                {"date": "2021-02-01", "quantity": "100", "reason": "Forfeited"}""")).get(0);
        ok(base + "/securities/" + anasRest + "/repurchases", """
                {"date": "2021-03-01", "quantity": "500", "price": {"amount": "1.50", "currency": "USD"}}""");
        ok(base + "/securities/" + bensRest + "/reissuances", """
                {"date": "2021-04-01", "newSecurities": [{"quantity": "4900"}, {"quantity": "5000"}],
                 "reason": "New legend"}""");
        ok(base + "/securities/" + cs5 + "/retractions", """
                {"date": "2021-05-01", "reason": "Issued without board approval"}""");
        String fundsRest = created(ok(base + "/securities/" + ps1 + "/conversions", """
                {"date": "2021-06-01", "quantity": "400", "toStockClassId": "%s"}""".formatted(common))).get(1);
        ok(base + "/stock-consolidations", """
                {"date": "2021-07-01", "securityIds": ["%s", "%s"], "reason": "Tidy up"}""".formatted(cs3, cs4));
        ok(base + "/securities/" + fundsRest + "/acceptances", """
                {"date": "2021-08-01"}""");

        // plans and grants
        String plan = ok(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "2020 Plan", "initialSharesReserved": "20000",
                 "stockClassIds": ["%s"]}""".formatted(common)).id();
        ok(base + "/stock-plans/" + plan + "/pool-adjustments", """
                {"date": "2021-01-01", "sharesReserved": "30000", "comments": "Top-up"}""");
        String heldPlan = ok(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "Held Plan", "initialSharesReserved": "1000",
                 "defaultCancellationBehavior": "HOLD_AS_CAPITAL_STOCK", "stockClassIds": ["%s"]}"""
                .formatted(common)).id();
        String opt1 = grant(ben, plan, common, "OPTION_ISO", "4800", "2021-01-15",
                ", \"vestingTerms\": " + GrantsTest.FOUR_YEARS_ONE_YEAR_CLIFF
                        + ", \"vestingStartDate\": \"2021-01-15\"");
        String optRest = created(ok(base + "/grants/" + opt1 + "/exercises", """
                {"date": "2022-03-01", "quantity": "1000"}""")).get(1);
        String optKept = created(ok(base + "/grants/" + optRest + "/cancellations", """
                {"date": "2022-06-15", "quantity": "100", "reason": "Partly forfeited"}""")).get(0);
        ok(base + "/grants/" + optKept + "/repricings", """
                {"date": "2022-07-01", "newExercisePrice": {"amount": "0.25", "currency": "USD"}}""");
        ok(base + "/grants/" + optKept + "/acceptances", """
                {"date": "2022-07-02"}""");
        String unstarted = grant(ben, plan, common, "OPTION_NSO", "1200", "2021-02-01",
                ", \"vestingTerms\": " + GrantsTest.FOUR_YEARS_ONE_YEAR_CLIFF);
        ok(base + "/grants/" + unstarted + "/vesting-starts", """
                {"date": "2021-03-01", "vestingConditionId": "start"}""");
        ok(base + "/grants/" + unstarted + "/vesting-accelerations", """
                {"date": "2022-01-01", "quantity": "100", "reason": "Double trigger"}""");
        String onIpo = grant(ana, plan, common, "OPTION_NSO", "500", "2021-02-01", ", \"vestingTerms\": " + ON_IPO);
        ok(base + "/grants/" + onIpo + "/vesting-events", """
                {"date": "2022-02-01", "vestingConditionId": "ipo"}""");
        String rsu = grant(ben, plan, common, "RSU", "400", "2021-02-01", "");
        ok(base + "/grants/" + rsu + "/releases", """
                {"date": "2021-06-01", "quantity": "100"}""");
        String transferable = grant(ana, plan, common, "OPTION_NSO", "300", "2021-02-01", "");
        ok(base + "/grants/" + transferable + "/transfers", """
                {"date": "2021-07-01", "toStakeholderId": "%s"}""".formatted(estate));
        String mistaken = grant(ana, plan, common, "OPTION_NSO", "200", "2021-02-01", "");
        ok(base + "/grants/" + mistaken + "/retractions", """
                {"date": "2021-08-01", "reason": "Granted twice"}""");
        String held = grant(ben, heldPlan, common, "OPTION_NSO", "100", "2021-02-01", "");
        ok(base + "/grants/" + held + "/cancellations", """
                {"date": "2021-03-01", "quantity": "10", "reason": "Left"}""");
        ok(base + "/grants/" + held + "/returns-to-pool", """
                {"date": "2021-04-01", "quantity": "4", "reason": "Board"}""");

        // warrants and convertibles
        String warrant = ok(base + "/warrant-issuances", warrantBody(fund, common, "5000")).id();
        String warrantRest = created(ok(base + "/warrants/" + warrant + "/exercises", """
                {"date": "2022-01-01", "quantity": "2000", "consideration": "USD 2,000"}""")).get(1);
        String warrantKept = created(ok(base + "/warrants/" + warrantRest + "/cancellations", """
                {"date": "2022-02-01", "quantity": "1000", "reason": "Partly waived"}""")).get(0);
        ok(base + "/warrants/" + warrantKept + "/acceptances", """
                {"date": "2022-03-01"}""");
        ok(base + "/warrants/" + warrantKept + "/transfers", """
                {"date": "2022-04-01", "toStakeholderId": "%s"}""".formatted(ana));
        String voidWarrant = ok(base + "/warrant-issuances", warrantBody(fund, common, "10")).id();
        ok(base + "/warrants/" + voidWarrant + "/retractions", """
                {"date": "2022-05-01", "reason": "Never approved"}""");
        String safe = ok(base + "/convertible-issuances", convertibleBody(fund, "SAFE")).id();
        ok(base + "/convertibles/" + safe + "/acceptances", """
                {"date": "2021-03-01"}""");
        String anasSafe = created(ok(base + "/convertibles/" + safe + "/transfers", """
                {"date": "2021-04-01", "toStakeholderId": "%s"}""".formatted(ana))).get(0);
        ok(base + "/convertibles/" + anasSafe + "/conversions", """
                {"date": "2022-06-01", "stockClassId": "%s", "quantity": "500", "reason": "Series A"}"""
                .formatted(common));
        String repaid = ok(base + "/convertible-issuances", convertibleBody(fund, "SAFE")).id();
        ok(base + "/convertibles/" + repaid + "/cancellations", """
                {"date": "2022-07-01", "reason": "Repaid"}""");
        String note = ok(base + "/convertible-issuances", convertibleBody(fund, "NOTE")).id();
        ok(base + "/convertibles/" + note + "/retractions", """
                {"date": "2022-08-01", "reason": "Never signed"}""");

        // a split after everything else on the class
        ok(base + "/stock-classes/" + common + "/splits", """
                {"date": "2024-01-01", "ratio": {"numerator": "2", "denominator": "1"}, "comments": "Board"}""");

        // access
        String viewer = send(api.post("/api/accounts", """
                {"email": "audit-viewer-%s@capledger.test", "password": "correct horse battery staple 43"}"""
                .formatted(UUID.randomUUID()))).json().get("accountId").asString();
        send(api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/members/" + viewer))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"role\": \"VIEWER\"}"))));
        send(api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/members/" + viewer))
                .DELETE()));
        String invitation = send(api.post(base + "/invitations", """
                {"email": "audit-invitee-%s@capledger.test", "role": "VIEWER"}""".formatted(UUID.randomUUID())))
                .json().get("invitationId").asString();
        send(api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base + "/invitations/"
                + invitation)).DELETE()));

        // certificates: what they print, and a lost one replaced
        send(api.put(base + "/certificate-officers", """
                {"date": "2020-01-01", "officers": [{"name": "Ada Lovelace", "title": "President"}]}"""));
        send(api.put(base + "/stock-classes/" + common + "/legends", """
                {"date": "2020-01-01", "legends": [{"template": "SECURITIES_ACT_1933"}]}"""));
        String lost = issue(ana, common, "7", "2024-02-01");
        ok(base + "/securities/" + lost + "/lost-certificate-replacements", """
                {"date": "2024-03-01", "affidavitDate": "2024-02-20"}""");

        JsonNode trail = api.read(base + "/audit-trail?size=200", last).json();
        List<JsonNode> entries = new ArrayList<>();
        trail.get("items").forEach(entries::add);
        assertThat(trail.get("totalItems").asLong()).isEqualTo(entries.size());

        Set<String> recorded = entries.stream().map(e -> e.get("eventType").asString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(recorded).as("every type of event is in this history").containsAll(everyIssuerEventType());
        for (JsonNode entry : entries) {
            String type = entry.get("eventType").asString();
            String summary = entry.get("summary").asString();
            assertThat(summary).as(type).isNotBlank().doesNotContain(type).doesNotContain("its holder");
            // accounts and invitations have no names: only they are named by their ids
            String unnamed = summary.replaceAll("(account|invitation) " + UUID_TEXT.pattern(), "");
            assertThat(UUID_TEXT.matcher(unnamed).find()).as("an id in the summary of %s: %s", type, summary)
                    .isFalse();
        }
        assertThat(entries).extracting(e -> e.get("summary").asString())
                .contains("Granted VIEWER to account " + viewer, "Revoked VIEWER from account " + viewer,
                        "Invited someone as VIEWER (invitation " + invitation + ")",
                        "Revoked the invitation as VIEWER (invitation " + invitation + ")");
        assertThat(entries).extracting(e -> e.get("summary").asString()).contains(
                "Reissued CS-8 as CS-10 (4,900), CS-11 (5,000): New legend",
                "Set the officers signing certificates from 2020-01-01: Ada Lovelace (President)",
                "Set 1 legend on Common certificates from 2020-01-01: Securities Act of 1933 restriction",
                "Consolidated CS-3, CS-4 into CS-13 (1,000 shares)",
                "Converted 400 shares of PS-1 into 800 shares of Common (CS-12) at 2:1; balance 600 as PS-2",
                "Seed Fund LP accepted PS-2",
                "Vesting of OPT-4 started",
                "Vesting condition 'ipo' of OPT-5 met",
                "Accelerated vesting of 100 shares of OPT-4: Double trigger",
                "Returned 4 cancelled shares of OPT-9 to Held Plan",
                "Transferred grant OPT-6 to Estate of Eve as OPT-7",
                "Cancelled W-2; balance 2,000 as W-3",
                "Transferred W-3 to Ana Alves as W-4",
                "Retracted W-5",
                "Transferred SAFE-1 to Ana Alves as SAFE-2",
                "Cancelled SAFE-3",
                "Retracted CN-1",
                "Status of Ben Brook changed to LEAVE_OF_ABSENCE: Sabbatical");
    }

    /** Every concrete IssuerEvent under {@code org.capledger}, by simple name (the audit trail's event type). */
    private static Set<String> everyIssuerEventType() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(IssuerEvent.class));
        Set<String> types = scanner.findCandidateComponents("org.capledger").stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null).getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(types).contains("IssuerCreated", "RoleGranted", "StockReissued", "WarrantRetracted");
        return types;
    }

    private String person(String name, String relationship) {
        return ok(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "%s"}, "relationship": "%s"}"""
                .formatted(name, relationship)).id();
    }

    private String issue(String holder, String stockClass, String quantity, String date) {
        return ok(base + "/stock-issuances", issueBody(holder, stockClass, quantity, date)).id();
    }

    private String grant(String holder, String plan, String stockClass, String type, String quantity, String date,
                         String more) {
        String price = type.equals("RSU") ? "" : ", \"exercisePrice\": {\"amount\": \"0.50\", \"currency\": \"USD\"}";
        return ok(base + "/equity-compensation-issuances", """
                {"date": "%s", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "%s", "quantity": "%s", "expirationDate": "2031-01-01"%s%s}"""
                .formatted(date, holder, plan, stockClass, type, quantity, price, more)).id();
    }

    private static String warrantBody(String holder, String stockClass, String quantity) {
        return """
                {"date": "2021-01-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "%s",
                 "exercisePrice": {"amount": "1", "currency": "USD"},
                 "purchasePrice": {"amount": "0", "currency": "USD"}, "expirationDate": "2031-01-01"}"""
                .formatted(holder, stockClass, quantity);
    }

    private static String convertibleBody(String holder, String type) {
        return """
                {"date": "2021-02-01", "stakeholderId": "%s", "convertibleType": "%s",
                 "investmentAmount": {"amount": "100000", "currency": "USD"},
                 "terms": {"valuationCap": {"amount": "5000000", "currency": "USD"}, "discount": "0.2"}}"""
                .formatted(holder, type);
    }

    private Api.Response ok(String path, String body) {
        return send(api.command(path, body));
    }

    private Api.Response send(Api.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 204);
        if (response.position() != null) {
            last = response;
        }
        return response;
    }

    private static List<String> created(Api.Response response) {
        return Api.strings(response.json().get("securityIds"));
    }
}
