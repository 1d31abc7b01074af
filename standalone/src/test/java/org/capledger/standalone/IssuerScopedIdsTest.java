package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.capledger.api.CapTableCommand;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.plan.AdjustStockPlanPool;
import org.capledger.api.plan.CancellationBehavior;
import org.capledger.api.plan.CreateStockPlan;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stockclass.AdjustConversionRatio;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.ConversionRight;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.Ratio;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;
import org.capledger.api.value.StockPlanId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Ids are unique only within their issuer. Two issuers record stock, a grant and a warrant under the same
 * client-chosen ids (as two imports of one OCF package would, {@code share_issuance_01} and so on), then transfer
 * and exercise under the same ids again: each issuer's securities, grants, warrants, chains, cap table and audit
 * trail show only its own, with its own quantities and holders, and a transaction in one leaves the other as it was.
 * Stakeholder, stock class and stock plan ids, which the REST API allots, are given the same way through the command
 * bus, as an importer keeping a package's ids sends them.
 */
class IssuerScopedIdsTest extends EndToEndTest {

    @Autowired
    CommandGateway commands;

    /** One issuer's books: its path, its two stakeholders and its class. */
    private record Books(String base, String holder, String buyer, String common) {
    }

    @Test
    void twoIssuersRecordingUnderTheSameIdsEachSeeOnlyTheirOwn() {
        Books alpha = books("Alpha Shared Ids Inc.", "Ada Alpha", "Abe Alpha");
        Books beta = books("Beta Shared Ids Inc.", "Bea Beta", "Ben Beta");
        issueUnderFixedIds(alpha, "1000", "100", "50");
        Api.Response last = issueUnderFixedIds(beta, "250", "40", "20");

        for (Books books : new Books[]{alpha, beta}) {
            assertThat(api.read(books.base() + "/securities", last).json().get("items")).hasSize(1);
        }
        assertSecurity(alpha, "share_issuance_01", "1000", alpha.holder(), "OUTSTANDING");
        assertSecurity(beta, "share_issuance_01", "250", beta.holder(), "OUTSTANDING");
        assertGrants(alpha, Map.of("grant_01", "100"), alpha.buyer());
        assertGrants(beta, Map.of("grant_01", "40"), beta.buyer());
        assertWarrant(alpha, "50", alpha.holder());
        assertWarrant(beta, "20", beta.holder());

        Api.Response alphaTransfer = transfer(alpha, "400");
        assertThat(alphaTransfer.status()).as(alphaTransfer.text()).isEqualTo(200);
        assertThat(Api.strings(alphaTransfer.json().get("securityIds")))
                .containsExactly("share_transfer_01", "share_balance_01");
        assertSecurity(alpha, "share_issuance_01", "1000", alpha.holder(), "TRANSFERRED");
        assertSecurity(alpha, "share_transfer_01", "400", alpha.buyer(), "OUTSTANDING");
        assertSecurity(alpha, "share_balance_01", "600", alpha.holder(), "OUTSTANDING");
        // the transfer in Alpha leaves Beta's security of the same id, its chain and its cap table alone
        assertSecurity(beta, "share_issuance_01", "250", beta.holder(), "OUTSTANDING");
        assertThat(api.get(beta.base() + "/securities/share_transfer_01").status()).isEqualTo(404);
        JsonNode betaChain = ok(beta.base() + "/securities/share_issuance_01/chain");
        assertThat(Api.texts(betaChain.get("securities"), "securityId")).containsExactly("share_issuance_01");
        assertThat(betaChain.get("transactions")).isEmpty();
        assertThat(ok(beta.base() + "/cap-table").get("totals").get("sharesOutstanding").asString())
                .isEqualTo("250");

        Api.Response betaTransfer = transfer(beta, "100");
        assertThat(betaTransfer.status()).as(betaTransfer.text()).isEqualTo(200);
        exercise(alpha, "30");
        exercise(beta, "10");

        assertChain(alpha, Map.of("share_issuance_01", "1000", "share_transfer_01", "400", "share_balance_01", "600"));
        assertChain(beta, Map.of("share_issuance_01", "250", "share_transfer_01", "100", "share_balance_01", "150"));
        assertSecurity(beta, "share_transfer_01", "100", beta.buyer(), "OUTSTANDING");
        assertSecurity(beta, "share_balance_01", "150", beta.holder(), "OUTSTANDING");
        assertSecurity(alpha, "grant_exercise_01", "30", alpha.buyer(), "OUTSTANDING");
        assertSecurity(beta, "grant_exercise_01", "10", beta.buyer(), "OUTSTANDING");
        JsonNode exercised = ok(alpha.base() + "/securities/grant_exercise_01");
        assertThat(Api.strings(exercised.get("sourceSecurityIds"))).containsExactly("grant_01");
        assertOutstanding(alpha, Map.of("share_transfer_01", "400", "share_balance_01", "600",
                "grant_exercise_01", "30"));
        assertOutstanding(beta, Map.of("share_transfer_01", "100", "share_balance_01", "150",
                "grant_exercise_01", "10"));
        assertGrants(alpha, Map.of("grant_01", "100", "grant_balance_01", "70"), alpha.buyer());
        assertGrants(beta, Map.of("grant_01", "40", "grant_balance_01", "30"), beta.buyer());
        assertThat(ok(alpha.base() + "/grants/grant_01").get("status").asString()).isEqualTo("EXERCISED");
        assertThat(ok(beta.base() + "/grants/grant_balance_01").get("quantity").asString())
                .isEqualTo("30");
        assertWarrant(alpha, "50", alpha.holder());
        assertWarrant(beta, "20", beta.holder());

        assertCapTable(alpha, "1030", "70", "50", Map.of("Ada Alpha", "600", "Abe Alpha", "430"));
        assertCapTable(beta, "260", "30", "20", Map.of("Bea Beta", "150", "Ben Beta", "110"));

        assertThat(transferSummary(alpha)).startsWith("Transferred 400 shares of CS-1 from Ada Alpha to Abe Alpha");
        assertThat(transferSummary(beta)).startsWith("Transferred 100 shares of CS-1 from Bea Beta to Ben Beta");
    }

    @Test
    void stakeholderClassAndPlanIdsSharedByTwoIssuersKeepEachIssuersRowsApart() {
        String alpha = recordPackage("Alpha Package Inc.", "Ada Alpha", "Alpha Plan", 2000, 700);
        String beta = recordPackage("Beta Package Inc.", "Bea Beta", "Beta Plan", 3000, 300);
        IssuerId a = IssuerId.of(alpha);
        LocalDate later = LocalDate.parse("2021-01-01");
        send(new UpdateStakeholder(a, StakeholderId.of("stakeholder_01"), later,
                new StakeholderName("Ada Renamed", null, null), null, false, null, null, false, null, false));
        send(new AdjustStockClassAuthorizedShares(a, StockClassId.of("stock_class_01"), later, Quantity.of(20_000),
                null, null, null));
        send(new AdjustConversionRatio(a, StockClassId.of("stock_class_02"), later,
                StockClassId.of("stock_class_01"), Ratio.of(2, 1), null));
        send(new AdjustStockPlanPool(a, StockPlanId.of("stock_plan_01"), later, Quantity.of(5000), null, null, null));
        assertThat(processors.awaitProcessed(processors.headPosition(), Duration.ofSeconds(30))).isTrue();

        assertPackage(alpha, "Ada Renamed", "20000", "700", "2", "Alpha Plan", "5000");
        assertPackage(beta, "Bea Beta", "10000", "300", "1", "Beta Plan", "3000");
        JsonNode trail = ok("/api/issuers/" + alpha + "/audit-trail?eventType=StockPlanPoolAdjusted");
        assertThat(trail.get("items").get(0).get("summary").asString())
                .isEqualTo("Set the pool of Alpha Plan to 5,000 shares");
    }

    // ---------------------------------------------------------------- steps

    private Books books(String legalName, String holderName, String buyerName) {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "%s", "formationDate": "2020-01-01", "countryOfFormation": "US"}"""
                .formatted(legalName)).json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String holder = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "%s"}, "relationship": "FOUNDER"}"""
                .formatted(holderName)).id();
        String buyer = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "%s"}, "relationship": "EMPLOYEE"}"""
                .formatted(buyerName)).id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "100000"}""").id();
        return new Books(base, holder, buyer, common);
    }

    /** Stock to the holder, an option to the buyer, a warrant to the holder: the same three ids in every issuer. */
    private Api.Response issueUnderFixedIds(Books books, String shares, String options, String warrants) {
        Api.Response stock = api.command(books.base() + "/stock-issuances", """
                {"date": "2020-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "%s",
                 "pricePerShare": {"amount": "0.01", "currency": "USD"}, "securityId": "share_issuance_01"}"""
                .formatted(books.holder(), books.common(), shares));
        assertThat(stock.status()).as(stock.text()).isEqualTo(201);
        Api.Response grant = api.command(books.base() + "/equity-compensation-issuances", """
                {"date": "2020-03-01", "stakeholderId": "%s", "stockClassId": "%s", "compensationType": "OPTION_NSO",
                 "quantity": "%s", "exercisePrice": {"amount": "0.10", "currency": "USD"},
                 "expirationDate": "2030-02-28", "securityId": "grant_01"}"""
                .formatted(books.buyer(), books.common(), options));
        assertThat(grant.status()).as(grant.text()).isEqualTo(201);
        Api.Response warrant = api.command(books.base() + "/warrant-issuances", """
                {"date": "2020-04-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "%s",
                 "exercisePrice": {"amount": "1", "currency": "USD"}, "purchasePrice": {"amount": "0", "currency": "USD"},
                 "expirationDate": "2030-04-01", "securityId": "warrant_01"}"""
                .formatted(books.holder(), books.common(), warrants));
        assertThat(warrant.status()).as(warrant.text()).isEqualTo(201);
        return warrant;
    }

    private Api.Response transfer(Books books, String quantity) {
        return api.command(books.base() + "/securities/share_issuance_01/transfers", """
                {"date": "2021-01-01", "transferees": [{"stakeholderId": "%s", "quantity": "%s",
                 "securityId": "share_transfer_01"}], "balanceSecurityId": "share_balance_01"}"""
                .formatted(books.buyer(), quantity));
    }

    private Api.Response exercise(Books books, String quantity) {
        Api.Response exercise = api.command(books.base() + "/grants/grant_01/exercises", """
                {"date": "2021-06-01", "quantity": "%s", "resultingSecurityId": "grant_exercise_01",
                 "balanceSecurityId": "grant_balance_01"}""".formatted(quantity));
        assertThat(exercise.status()).as(exercise.text()).isEqualTo(200);
        return exercise;
    }

    /** An issuer with a holder, a common and a convertible preferred class, a plan and a preferred issuance. */
    private String recordPackage(String legalName, String holderName, String planName, long pool, long preferred) {
        IssuerId issuer = IssuerId.random();
        LocalDate day = LocalDate.parse("2020-01-01");
        StockClassId common = StockClassId.of("stock_class_01");
        StockClassId preferredClass = StockClassId.of("stock_class_02");
        send(new CreateIssuer(issuer, legalName, day, "US", null, null, null));
        send(new RegisterStakeholder(issuer, StakeholderId.of("stakeholder_01"), day, StakeholderType.INDIVIDUAL,
                new StakeholderName(holderName, null, null), null, StakeholderRelationship.INVESTOR, null, null));
        send(new CreateStockClass(issuer, common, day, "Common", StockClassType.COMMON, "CS-",
                Money.of("0.0001", "USD"), Quantity.of(1), 1, Quantity.of(10_000), false, List.of()));
        send(new CreateStockClass(issuer, preferredClass, day, "Preferred", StockClassType.PREFERRED, "PS-",
                Money.of("0.0001", "USD"), Quantity.of(1), 2, Quantity.of(1000), false,
                List.of(new ConversionRight(common, Ratio.of(1, 1), Ratio.RoundingType.NORMAL))));
        send(new CreateStockPlan(issuer, StockPlanId.of("stock_plan_01"), day, planName, null, null,
                Quantity.of(pool), CancellationBehavior.RETURN_TO_POOL, List.of(common)));
        send(new IssueStock(issuer, SecurityId.of("share_issuance_01"), day, StakeholderId.of("stakeholder_01"),
                preferredClass, Quantity.of(preferred), Money.of("1", "USD"), null));
        return issuer.value();
    }

    private void send(CapTableCommand command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(Map.of(MetaDataKeys.ACTOR, MetaDataKeys.SYSTEM)));
    }

    // ---------------------------------------------------------------- checks

    private void assertSecurity(Books books, String securityId, String quantity, String holder, String status) {
        Api.Response response = api.get(books.base() + "/securities/" + securityId);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode security = response.json();
        assertThat(security.get("issuerId").asString()).isEqualTo(books.base().substring("/api/issuers/".length()));
        assertThat(security.get("quantity").asString()).as(securityId).isEqualTo(quantity);
        assertThat(security.get("stakeholderId").asString()).as(securityId).isEqualTo(holder);
        assertThat(security.get("stockClassId").asString()).as(securityId).isEqualTo(books.common());
        assertThat(security.get("status").asString()).as(securityId).isEqualTo(status);
    }

    /** The issuer's outstanding stock, by id, with its quantities: nothing of the other issuer. */
    private void assertOutstanding(Books books, Map<String, String> quantities) {
        JsonNode items = ok(books.base() + "/securities?status=OUTSTANDING").get("items");
        assertThat(byId(items, "quantity")).isEqualTo(quantities);
    }

    private void assertGrants(Books books, Map<String, String> quantities, String holder) {
        JsonNode items = ok(books.base() + "/grants").get("items");
        assertThat(byId(items, "quantity")).isEqualTo(quantities);
        assertThat(Api.texts(items, "stakeholderId")).containsOnly(holder);
    }

    private void assertWarrant(Books books, String quantity, String holder) {
        JsonNode warrants = ok(books.base() + "/warrants");
        assertThat(Api.texts(warrants, "securityId")).containsExactly("warrant_01");
        JsonNode warrant = ok(books.base() + "/warrants/warrant_01");
        assertThat(warrant.get("quantity").asString()).isEqualTo(quantity);
        assertThat(warrant.get("stakeholderId").asString()).isEqualTo(holder);
        assertThat(warrant.get("status").asString()).isEqualTo("OUTSTANDING");
    }

    /** The transfer's chain: the issuance and its two results, with this issuer's quantities and one transaction. */
    private void assertChain(Books books, Map<String, String> quantities) {
        JsonNode chain = ok(books.base() + "/securities/share_issuance_01/chain");
        assertThat(byId(chain.get("securities"), "quantity")).isEqualTo(quantities);
        assertThat(Api.texts(chain.get("securities"), "issuerId"))
                .containsOnly(books.base().substring("/api/issuers/".length()));
        assertThat(chain.get("transactions")).hasSize(1);
        JsonNode transfer = chain.get("transactions").get(0);
        assertThat(Api.strings(transfer.get("fromSecurityIds"))).containsExactly("share_issuance_01");
        assertThat(Api.strings(transfer.get("toSecurityIds")))
                .containsExactlyInAnyOrder("share_transfer_01", "share_balance_01");
    }

    private void assertCapTable(Books books, String shares, String grants, String warrants,
                                Map<String, String> holders) {
        JsonNode table = ok(books.base() + "/cap-table");
        assertThat(table.get("totals").get("sharesOutstanding").asString()).isEqualTo(shares);
        assertThat(table.get("totals").get("grantsOutstanding").asString()).isEqualTo(grants);
        assertThat(table.get("totals").get("warrantsOutstanding").asString()).isEqualTo(warrants);
        Map<String, String> byName = new LinkedHashMap<>();
        table.get("holders").forEach(h -> byName.put(h.get("name").asString(), h.get("sharesOutstanding").asString()));
        assertThat(byName).isEqualTo(holders);
        JsonNode replayed = ok(books.base() + "/cap-table?asOf=2022-01-01");
        assertThat(replayed.get("totals")).isEqualTo(table.get("totals"));
    }

    private String transferSummary(Books books) {
        JsonNode items = ok(books.base() + "/audit-trail?eventType=StockTransferred").get("items");
        assertThat(items).hasSize(1);
        return items.get(0).get("summary").asString();
    }

    private void assertPackage(String issuerId, String holderName, String commonAuthorized, String preferred,
                               String ratio, String planName, String pool) {
        String base = "/api/issuers/" + issuerId;
        JsonNode holder = ok(base + "/stakeholders/stakeholder_01");
        assertThat(holder.get("issuerId").asString()).isEqualTo(issuerId);
        assertThat(holder.get("name").get("legalName").asString()).isEqualTo(holderName);
        JsonNode common = ok(base + "/stock-classes/stock_class_01");
        assertThat(common.get("sharesAuthorized").asString()).isEqualTo(commonAuthorized);
        assertThat(common.get("sharesOutstanding").asString()).isEqualTo("0");
        JsonNode preferredClass = ok(base + "/stock-classes/stock_class_02");
        assertThat(preferredClass.get("sharesOutstanding").asString()).isEqualTo(preferred);
        assertThat(preferredClass.get("conversionRights")).hasSize(1);
        assertThat(preferredClass.get("conversionRights").get(0).get("ratio").get("numerator").asString())
                .isEqualTo(ratio);
        JsonNode classes = ok(base + "/stock-classes").get("items");
        assertThat(Api.texts(classes, "stockClassId")).containsExactly("stock_class_01", "stock_class_02");
        assertThat(classes.get(1).get("conversionRights")).hasSize(1);
        JsonNode plan = ok(base + "/stock-plans/stock_plan_01");
        assertThat(plan.get("planName").asString()).isEqualTo(planName);
        assertThat(plan.get("sharesReserved").asString()).isEqualTo(pool);
        JsonNode table = ok(base + "/cap-table");
        assertThat(Api.texts(table.get("holders"), "name")).containsExactly(holderName);
        assertThat(table.get("totals").get("sharesOutstanding").asString()).isEqualTo(preferred);
        assertThat(table.get("totals").get("sharesAvailableForGrant").asString()).isEqualTo(pool);
        JsonNode security = ok(base + "/securities/share_issuance_01");
        assertThat(security.get("stakeholderId").asString()).isEqualTo("stakeholder_01");
        assertThat(security.get("quantity").asString()).isEqualTo(preferred);
    }

    private JsonNode ok(String path) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, String> byId(JsonNode items, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        items.forEach(item -> values.put(item.get("securityId").asString(), item.get(field).asString()));
        return values;
    }
}
