package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stock plans and options over HTTP: a plan with its pool, a four-year grant with a one-year cliff, a refused
 * exercise of unvested shares, an exercise of vested ones into stock, forfeiture of the unvested rest back to the
 * pool; the plan, the grant's vesting and the fully diluted cap table read back now and as of earlier dates.
 */
class GrantsTest extends EndToEndTest {

    static final String FOUR_YEARS_ONE_YEAR_CLIFF = """
            {"id": "4y-1y-cliff", "name": "Four years monthly, one-year cliff", "allocationType": "CUMULATIVE_ROUNDING",
             "vestingConditions": [
               {"id": "start", "quantity": "0", "trigger": {"type": "VESTING_START_DATE"}, "nextConditionIds": ["cliff"]},
               {"id": "cliff", "portion": {"numerator": "12", "denominator": "48"},
                "trigger": {"type": "VESTING_SCHEDULE_RELATIVE", "relativeToConditionId": "start",
                            "period": {"length": 12, "type": "MONTHS", "occurrences": 1,
                                       "dayOfMonth": "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH"}},
                "nextConditionIds": ["monthly"]},
               {"id": "monthly", "portion": {"numerator": "1", "denominator": "48"},
                "trigger": {"type": "VESTING_SCHEDULE_RELATIVE", "relativeToConditionId": "cliff",
                            "period": {"length": 1, "type": "MONTHS", "occurrences": 36,
                                       "dayOfMonth": "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH"}},
                "nextConditionIds": []}]}""";

    @Test
    void grantVestExerciseAndForfeitWithTheFullyDilutedCapTable() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Option Grant Co", "formationDate": "2020-01-01", "countryOfFormation": "US",
                 "subdivisionOfFormation": "DE"}""").json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String founder = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Fay Founder"},
                 "relationship": "FOUNDER"}""").id();
        String employee = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Eli Employee"},
                 "relationship": "EMPLOYEE"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "100000"}""").id();
        api.command(base + "/stock-issuances", """
                {"date": "2020-01-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "10000",
                 "pricePerShare": {"amount": "0.0001", "currency": "USD"}}""".formatted(founder, common));
        Api.Response plan = api.command(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "2020 Equity Incentive Plan", "initialSharesReserved": "10000",
                 "stockClassIds": ["%s"]}""".formatted(common));
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);

        Api.Response grant = api.command(base + "/equity-compensation-issuances", """
                {"date": "2021-01-15", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "OPTION_ISO", "quantity": "4800",
                 "exercisePrice": {"amount": "0.50", "currency": "USD"},
                 "vestingTerms": %s, "vestingStartDate": "2021-01-15", "expirationDate": "2031-01-14",
                 "terminationExerciseWindows": [{"reason": "VOLUNTARY_OTHER", "period": 3, "periodType": "MONTHS"}]}"""
                .formatted(employee, plan.id(), common, FOUR_YEARS_ONE_YEAR_CLIFF));
        assertThat(grant.status()).as(grant.text()).isEqualTo(201);
        String option = grant.id();

        JsonNode beforeCliff = api.read(base + "/grants/" + option + "?asOf=2022-01-14", grant).json();
        assertThat(beforeCliff.get("label").asString()).isEqualTo("OPT-1");
        assertThat(beforeCliff.get("vested").asString()).isEqualTo("0");
        assertThat(beforeCliff.get("vestingSchedule")).hasSize(37);
        assertThat(beforeCliff.get("vestingSchedule").get(0).get("quantity").asString()).isEqualTo("1200");

        long events = count("domainevententry");
        Api.Response early = api.command(base + "/grants/" + option + "/exercises", """
                {"date": "2022-01-14", "quantity": "1"}""");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("code").asString()).isEqualTo("SHARES_NOT_VESTED");
        assertThat(count("domainevententry")).isEqualTo(events);

        Api.Response exercise = api.command(base + "/grants/" + option + "/exercises", """
                {"date": "2022-03-01", "quantity": "1000", "consideration": "USD 500 by wire"}""");
        assertThat(exercise.status()).as(exercise.text()).isEqualTo(200);
        String stock = exercise.json().get("securityIds").get(0).asString();
        String balance = exercise.json().get("securityIds").get(1).asString();
        JsonNode issued = api.read(base + "/securities/" + stock, exercise).json();
        assertThat(issued.get("label").asString()).isEqualTo("CS-2");
        assertThat(issued.get("origin").asString()).isEqualTo("EXERCISE");
        JsonNode rest = api.get(base + "/grants/" + balance + "?asOf=2022-03-01").json();
        assertThat(rest.get("quantity").asString()).isEqualTo("3800");
        assertThat(rest.get("vested").asString()).isEqualTo("300");

        Api.Response forfeit = api.command(base + "/grants/" + balance + "/cancellations", """
                {"date": "2022-06-15", "quantity": "3100", "reason": "Left the company"}""");
        assertThat(forfeit.status()).as(forfeit.text()).isEqualTo(200);

        JsonNode plans = api.read(base + "/stock-plans", forfeit).json();
        assertThat(plans.get(0).get("sharesReserved").asString()).isEqualTo("10000");
        assertThat(plans.get(0).get("grantsOutstanding").asString()).isEqualTo("700");
        assertThat(plans.get(0).get("sharesUsed").asString()).isEqualTo("1000");
        assertThat(plans.get(0).get("sharesAvailable").asString()).isEqualTo("8300");
        assertThat(plans.get(0).get("sharesGranted").asString()).isEqualTo("4800");
        assertThat(plans.get(0).get("sharesExercised").asString()).isEqualTo("1000");
        assertThat(plans.get(0).get("sharesReturned").asString()).isEqualTo("3100");

        JsonNode capTable = api.get(base + "/cap-table").json();
        assertThat(capTable.get("totals").get("sharesOutstanding").asString()).isEqualTo("11000");
        assertThat(capTable.get("totals").get("grantsOutstanding").asString()).isEqualTo("700");
        assertThat(capTable.get("totals").get("sharesAvailableForGrant").asString()).isEqualTo("8300");
        assertThat(capTable.get("totals").get("fullyDiluted").asString()).isEqualTo("20000");
        JsonNode eli = capTable.get("holders").get(1);
        assertThat(eli.get("name").asString()).isEqualTo("Eli Employee");
        assertThat(eli.get("fullyDiluted").asString()).isEqualTo("1700");
        assertThat(eli.get("percentFullyDiluted").asString()).isEqualTo("8.5000");
        JsonNode replayed = api.get(base + "/cap-table?asOf=2030-01-01").json();
        assertThat(replayed.get("totals")).isEqualTo(capTable.get("totals"));
        assertThat(replayed.get("holders")).isEqualTo(capTable.get("holders"));
        JsonNode atGrant = api.get(base + "/cap-table?asOf=2021-01-15").json();
        assertThat(atGrant.get("totals").get("grantsOutstanding").asString()).isEqualTo("4800");
        assertThat(atGrant.get("totals").get("fullyDiluted").asString()).isEqualTo("20000");

        JsonNode holdings = api.get(base + "/stakeholders/" + employee + "/holdings?asOf=2022-06-15").json();
        assertThat(holdings.get("totals").get("sharesOutstanding").asString()).isEqualTo("1000");
        assertThat(holdings.get("totals").get("grantsOutstanding").asString()).isEqualTo("700");
        assertThat(holdings.get("totals").get("grantsVested").asString()).isEqualTo("700");
        assertThat(Api.texts(holdings.get("grants"), "status")).containsExactly("EXERCISED", "CANCELLED",
                "OUTSTANDING");
        assertThat(holdings.get("grants").get(0).get("exercisePrice").get("amount").asString()).isEqualTo("0.5");
        // the exercise's and the forfeiture's balances expire with the grant they came from
        assertThat(Api.texts(holdings.get("grants"), "expirationDate")).containsExactly("2031-01-14", "2031-01-14",
                "2031-01-14");
        assertThat(holdings.get("stock").get(0).get("label").asString()).isEqualTo("CS-2");
        JsonNode earlier = api.get(base + "/stakeholders/" + employee + "/holdings?asOf=2022-02-15").json();
        assertThat(earlier.get("totals").get("grantsOutstanding").asString()).isEqualTo("4800");
        assertThat(earlier.get("totals").get("grantsVested").asString()).isEqualTo("1300");

        JsonNode audit = api.read(base + "/audit-trail?size=50", forfeit).json();
        assertThat(Api.texts(audit.get("items"), "summary")).contains(
                "Adopted stock plan 2020 Equity Incentive Plan with 10,000 shares reserved (cancelled grants: RETURN_TO_POOL)",
                "Exercised 1,000 of OPT-1 into CS-2; balance 3,800 as OPT-2",
                "Cancelled 3,100 of OPT-2: Left the company; 3,100 back to the pool; balance 700 as OPT-3");
    }

    @Test
    void aLeaverChangesStatusAndRelationshipAndForfeitsTheUnvestedShares() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Leaver Co", "formationDate": "2020-01-01", "countryOfFormation": "US"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String eli = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Eli Employee"},
                 "relationship": "EMPLOYEE"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "100000"}""").id();
        String plan = api.command(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "Plan", "initialSharesReserved": "10000",
                 "stockClassIds": ["%s"]}""".formatted(common)).id();
        String option = api.command(base + "/equity-compensation-issuances", """
                {"date": "2021-01-15", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "OPTION_NSO", "quantity": "4800",
                 "exercisePrice": {"amount": "0.50", "currency": "USD"},
                 "vestingTerms": %s, "vestingStartDate": "2021-01-15", "expirationDate": "2031-01-14"}"""
                .formatted(eli, plan, common, FOUR_YEARS_ONE_YEAR_CLIFF)).id();

        Api.Response status = api.command(base + "/stakeholders/" + eli + "/status-changes", """
                {"date": "2022-06-30", "newStatus": "TERMINATION_VOLUNTARY_OTHER", "comments": "Resigned"}""");
        assertThat(status.status()).as(status.text()).isEqualTo(200);
        Api.Response relationship = api.command(base + "/stakeholders/" + eli + "/relationship-changes", """
                {"date": "2022-06-30", "relationshipStarted": "EX_EMPLOYEE", "relationshipEnded": "EMPLOYEE"}""");
        assertThat(relationship.status()).as(relationship.text()).isEqualTo(200);
        JsonNode unvested = api.get(base + "/grants/" + option + "?asOf=2022-06-30").json();
        Api.Response forfeit = api.command(base + "/grants/" + option + "/cancellations", """
                {"date": "2022-06-30", "quantity": "%s", "reason": "Unvested on leaving"}"""
                .formatted(unvested.get("unvested").asString()));
        assertThat(forfeit.status()).as(forfeit.text()).isEqualTo(200);

        JsonNode leaver = api.read(base + "/stakeholders/" + eli, forfeit).json();
        assertThat(leaver.get("status").asString()).isEqualTo("TERMINATION_VOLUNTARY_OTHER");
        assertThat(leaver.get("relationship").asString()).isEqualTo("EX_EMPLOYEE");
        assertThat(unvested.get("vested").asString()).isEqualTo("1700");
        JsonNode kept = api.get(base + "/grants/" + forfeit.json().get("securityIds").get(0).asString()).json();
        assertThat(kept.get("quantity").asString()).isEqualTo("1700");
        assertThat(kept.get("unvested").asString()).isEqualTo("0");
        JsonNode audit = api.read(base + "/audit-trail?size=50", forfeit).json();
        assertThat(Api.texts(audit.get("items"), "summary")).contains(
                "Status of Eli Employee changed to TERMINATION_VOLUNTARY_OTHER: Resigned",
                "Relationship of Eli Employee with the issuer: EMPLOYEE ended, EX_EMPLOYEE started");
    }
}
