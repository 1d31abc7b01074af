package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every route under {@code /api} times every kind of caller, checked against the explicit table in {@link #RULES}.
 * The routes come from Spring MVC's own request mappings, so an endpoint added without a row in the table fails
 * this test, and so does a row for a route that no longer exists. Each request is valid apart from who sends it, so
 * the status answered is the access decision and nothing else. The matrix answered is written as Markdown to
 * {@code target/access-matrix.md}; docs/security.md carries a copy.
 */
class AccessMatrixTest extends EndToEndTest {

    private static final String PASSWORD = "matrix passphrase for every role";
    private static final Path REPORT = Path.of("target", "access-matrix.md");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");

    /** The callers, in the column order of {@link #RULES}. */
    enum Who {
        ANONYMOUS("anonymous"),
        PLATFORM_ADMIN("platform admin"),
        OWNER("OWNER"),
        ADMIN("ADMIN"),
        VIEWER("VIEWER"),
        SHAREHOLDER("SHAREHOLDER"),
        OTHER_OWNER("owner of another issuer");

        final String label;

        Who(String label) {
            this.label = label;
        }
    }

    /** The package the import cells upload (as a dry run: nothing is recorded). */
    private static final byte[] OCF_PACKAGE = OcfPackages.of("/ocf/handwritten/valid").zip();

    /** A cell that is deliberately not sent (see the route's note). */
    private static final int NOT_SENT = 0;

    /** @param note why the row is as it is, where the status alone would surprise; printed under the table */
    private record Rule(int[] expected, String note) {

        int expected(Who who) {
            return expected[who.ordinal()];
        }
    }

    private record Route(String method, String path) {

        String key() {
            return method + " " + path;
        }
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // Columns: anonymous, platform admin, OWNER, ADMIN, VIEWER, SHAREHOLDER, owner of another issuer.
        // The issuer in every {issuerId} is the first issuer, on which OWNER, ADMIN, VIEWER and SHAREHOLDER hold
        // their roles; the owner of another issuer has no role on it.

        // Signing in and out: open to everyone, or to every signed-in account whatever its roles.
        rule("POST /api/auth/login", null, 200, 200, 200, 200, 200, 200, 200);
        rule("POST /api/auth/refresh", null, 200, 200, 200, 200, 200, 200, 200);
        rule("POST /api/auth/signup", "Only with capledger.accounts.self-signup=true (on in the tests); otherwise the "
                + "route does not exist. Signs up a fresh email per cell.", 202, 202, 202, 202, 202, 202, 202);
        rule("GET /api/auth/me", null, 401, 200, 200, 200, 200, 200, 200);
        rule("GET /api/auth/sessions", null, 401, 200, 200, 200, 200, 200, 200);
        rule("DELETE /api/auth/sessions/{sessionId}", "{sessionId} names no session of the caller.",
                401, 404, 404, 404, 404, 404, 404);
        rule("POST /api/auth/password", "Sent with a wrong current password, so no password changes.",
                401, 401, 401, 401, 401, 401, 401);
        rule("POST /api/invitations/accept", "Public: the token is the proof. Sent with a token that was never issued.",
                404, 404, 404, 404, 404, 404, 404);
        rule("POST /api/issuers/{issuerId}/invitations", "Invites with the VIEWER role.",
                401, 201, 201, 201, 403, 403, 404);
        rule("GET /api/issuers/{issuerId}/invitations", "Served by the command side, which keeps the invited emails.",
                401, 200, 200, 200, 403, 404, 404);
        rule("DELETE /api/issuers/{issuerId}/invitations/{invitationId}", "{invitationId} is a fresh invitation with "
                + "the VIEWER role, one per cell.", 401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/auth/logout", "Sent with a session of its own per cell.",
                401, 204, 204, 204, 204, 204, 204);
        rule("POST /api/auth/logout-all", "Sent with a session of its own per cell; the caller signs in again after.",
                401, 204, 204, 204, 204, 204, 204);

        // Platform administrators only.
        rule("POST /api/accounts", null, 401, 201, 403, 403, 403, 403, 403);
        rule("POST /api/issuers", null, 401, 201, 403, 403, 403, 403, 403);
        // A rebuild clears and replays all read models, so the administrator's cell is not sent here
        // (ProjectionRebuildTest covers it).
        rule("POST /api/admin/projections/rebuild", "The administrator's cell is covered by ProjectionRebuildTest, "
                        + "since every call clears and replays all read models.",
                401, NOT_SENT, 403, 403, 403, 403, 403);

        // Reads. The list is not about one issuer: it answers every signed-in caller with the issuers it may see.
        rule("GET /api/issuers", "Lists only the issuers the caller has a role on (every issuer for platform "
                + "administrators).", 401, 200, 200, 200, 200, 200, 200);
        rule("GET /api/issuers/{issuerId}", null, 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/audit-trail", null, 401, 200, 200, 200, 200, 404, 404);
        rule("GET /api/issuers/{issuerId}/cap-table", null, 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/members", null, 401, 200, 200, 200, 200, 404, 404);
        rule("GET /api/issuers/{issuerId}/securities", null, 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/securities/{securityId}", "SHAREHOLDER asks for its own security.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/securities/{securityId}/chain", "SHAREHOLDER asks for its own security.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/stock-plans", null, 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/stock-plans/{stockPlanId}", null, 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/grants", "A SHAREHOLDER sees only its own grants.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/grants/{securityId}", "{securityId} is a grant to the SHAREHOLDER's "
                + "stakeholder.", 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/warrants", "A SHAREHOLDER sees only its own.", 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/warrants/{securityId}", "{securityId} is the SHAREHOLDER's.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/convertibles", "A SHAREHOLDER sees only its own.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/convertibles/{securityId}", "{securityId} is the SHAREHOLDER's.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/stakeholders/{stakeholderId}/holdings", "SHAREHOLDER asks for its own.",
                401, 200, 200, 200, 200, 200, 404);
        rule("POST /api/ocf/imports", "An import creates an issuer, so only platform administrators import. Sent "
                + "as a zip body (application/zip) with dryRun=true; the multipart variant is the same route.",
                401, 202, 403, 403, 403, 403, 403);
        rule("GET /api/ocf/imports/{importId}", "{importId} is the platform administrator's import: everyone else "
                + "gets the 404 of an unknown import.", 401, 200, 404, 404, 404, 404, 404);
        rule("GET /api/issuers/{issuerId}/ocf-export", "Everyone who may read the whole issuer (its history has "
                + "stock, a grant, a warrant and a convertible); a SHAREHOLDER may not.", 401, 200, 200, 200, 200, 404, 404);
        rule("GET /api/issuers/{issuerId}/reports/integrity", "Reports show every holder: for those who may read the "
                + "whole issuer; a SHAREHOLDER gets the 404 of an unknown issuer.", 401, 200, 200, 200, 200, 404, 404);
        rule("GET /api/issuers/{issuerId}/reports/cap-table", "Reports show every holder: for those who may read the "
                + "whole issuer; a SHAREHOLDER gets the 404 of an unknown issuer. Sent without Accept: the CSV.",
                401, 200, 200, 200, 200, 404, 404);
        for (String register : List.of("stock-ledger", "stock-ledger.csv", "stock-ledger.pdf")) {
            rule("GET /api/issuers/{issuerId}/" + register, "Lists every holder's transactions, so only those who may "
                    + "read the whole issuer; a SHAREHOLDER may not.", 401, 200, 200, 200, 200, 404, 404);
        }
        for (String register : List.of("register-of-members", "register-of-members.csv",
                "register-of-members.pdf")) {
            rule("GET /api/issuers/{issuerId}/" + register, "{issuerId} is a second issuer, formed in GB, on which the "
                    + "same accounts hold the same roles (of the first, a US issuer, full readers get 422 "
                    + "REGISTER_NOT_APPLICABLE). Lists every member, so a SHAREHOLDER may not read it.",
                    401, 200, 200, 200, 200, 404, 404);
        }
        rule("GET /api/issuers/{issuerId}/stakeholders", null, 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/stakeholders/{stakeholderId}", "SHAREHOLDER asks for its own stakeholder.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/stock-classes", null, 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/stock-classes/{stockClassId}", null, 401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/reports/delaware-franchise-tax", "Compliance reports show every holder: "
                + "only those who may read the whole issuer. Sent with the parameters each report requires.",
                401, 200, 200, 200, 200, 404, 404);
        rule("GET /api/issuers/{issuerId}/reports/rule-701", "Compliance reports show every holder: only those who "
                + "may read the whole issuer. Sent with the parameters each report requires.",
                401, 200, 200, 200, 200, 404, 404);
        rule("GET /api/issuers/{issuerId}/reports/holders-of-record", "Compliance reports show every holder: only "
                + "those who may read the whole issuer. Sent with the parameters each report requires.",
                401, 200, 200, 200, 200, 404, 404);

        // Recording transactions: OWNER and ADMIN.
        rule("POST /api/issuers/{issuerId}/authorized-shares-adjustments", null, 401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stakeholders", null, 401, 201, 201, 201, 403, 403, 404);
        rule("PATCH /api/issuers/{issuerId}/stakeholders/{stakeholderId}", null, 401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stock-classes", null, 401, 201, 201, 201, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stakeholders/{stakeholderId}/status-changes", "Alternates the status per "
                + "cell, so every cell records a change.", 401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stakeholders/{stakeholderId}/relationship-changes", null,
                401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stock-classes/{stockClassId}/authorized-shares-adjustments", null,
                401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stock-issuances", null, 401, 201, 201, 201, 403, 403, 404);
        for (String transaction : List.of("acceptances", "cancellations", "conversions", "reissuances",
                "repurchases", "retractions", "transfers", "lost-certificate-replacements")) {
            rule("POST /api/issuers/{issuerId}/securities/{securityId}/" + transaction, "{securityId} is a fresh "
                    + "security per cell (for conversions, of a class that converts into Common).",
                    401, 200, 200, 200, 403, 403, 404);
        }
        rule("POST /api/issuers/{issuerId}/stock-plans", null, 401, 201, 201, 201, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stock-plans/{stockPlanId}/pool-adjustments", null,
                401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/equity-compensation-issuances", null, 401, 201, 201, 201, 403, 403, 404);
        for (String transaction : List.of("acceptances", "cancellations", "exercises", "releases", "repricings",
                "retractions", "returns-to-pool", "transfers", "vesting-accelerations", "vesting-events",
                "vesting-starts")) {
            rule("POST /api/issuers/{issuerId}/grants/{securityId}/" + transaction, "{securityId} is a fresh grant "
                    + "per cell of the kind the transaction needs.", 401, 200, 200, 200, 403, 403, 404);
        }
        rule("POST /api/issuers/{issuerId}/warrant-issuances", null, 401, 201, 201, 201, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/convertible-issuances", null, 401, 201, 201, 201, 403, 403, 404);
        for (String transaction : List.of("acceptances", "cancellations", "exercises", "retractions", "transfers")) {
            rule("POST /api/issuers/{issuerId}/warrants/{securityId}/" + transaction, "{securityId} is a fresh "
                    + "warrant per cell.", 401, 200, 200, 200, 403, 403, 404);
        }
        for (String transaction : List.of("acceptances", "cancellations", "conversions", "retractions", "transfers")) {
            rule("POST /api/issuers/{issuerId}/convertibles/{securityId}/" + transaction, "{securityId} is a fresh "
                    + "convertible per cell.", 401, 200, 200, 200, 403, 403, 404);
        }
        rule("POST /api/issuers/{issuerId}/stock-consolidations", "The body names two fresh securities per cell.",
                401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stock-classes/{stockClassId}/splits", "{stockClassId} is a fresh class "
                + "per cell.", 401, 200, 200, 200, 403, 403, 404);
        rule("POST /api/issuers/{issuerId}/stock-classes/{stockClassId}/conversion-ratio-adjustments",
                "{stockClassId} is a fresh class converting into Common, per cell.", 401, 200, 200, 200, 403, 403, 404);

        // Managing roles: OWNER only.
        rule("PUT /api/issuers/{issuerId}/certificate-officers", null, 401, 200, 200, 200, 403, 403, 404);
        rule("PUT /api/issuers/{issuerId}/stock-classes/{stockClassId}/legends", null,
                401, 200, 200, 200, 403, 403, 404);
        rule("GET /api/issuers/{issuerId}/certificates", "A SHAREHOLDER sees only its own.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/certificates/{label}", "{label} is the SHAREHOLDER's certificate CS-1.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/issuers/{issuerId}/certificates/{label}.pdf", "{label} is the SHAREHOLDER's certificate CS-1.",
                401, 200, 200, 200, 200, 200, 404);
        rule("GET /api/certificate-legend-templates", null, 401, 200, 200, 200, 200, 200, 200);
        rule("GET /api/verify/{code}", "Public: answers only valid, cancelled or unknown, never the holder.",
                200, 200, 200, 200, 200, 200, 200);
        rule("PUT /api/issuers/{issuerId}/members/{accountId}", "{accountId} is a fresh account holding VIEWER, "
                + "one per cell; the body grants VIEWER.", 401, 200, 200, 403, 403, 403, 404);
        rule("DELETE /api/issuers/{issuerId}/members/{accountId}", "{accountId} is a fresh account holding VIEWER, "
                + "one per cell.", 401, 200, 200, 403, 403, 403, 404);
    }

    /** The query string a route needs to be a valid request; routes not listed take none. */
    private static final Map<String, String> QUERIES = Map.of(
            "GET /api/issuers/{issuerId}/reports/delaware-franchise-tax", "?taxYear=2021&grossAssets=1000000",
            "GET /api/issuers/{issuerId}/reports/rule-701", "?asOf=2021-12-31&totalAssets=1000000",
            "GET /api/issuers/{issuerId}/reports/holders-of-record", "?asOf=2021-12-31&totalAssets=1000000");

    private static void rule(String route, String note, int... expected) {
        if (expected.length != Who.values().length) {
            throw new IllegalArgumentException(route + ": one status per caller expected");
        }
        RULES.put(route, new Rule(expected, note));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Who, Api> callers = new EnumMap<>(Who.class);
    private final Map<Who, String> emails = new EnumMap<>(Who.class);
    private final Map<String, String> variables = new HashMap<>();
    private final AtomicInteger serial = new AtomicInteger();

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSays() throws IOException {
        List<Route> routes = routes();
        List<String> failures = new ArrayList<>();
        Set<String> mapped = routes.stream().map(Route::key).collect(Collectors.toSet());
        routes.stream().filter(r -> !RULES.containsKey(r.key()))
                .forEach(r -> failures.add(r.key() + ": mapped, but has no rule in AccessMatrixTest.RULES"));
        RULES.keySet().stream().filter(key -> !mapped.contains(key))
                .forEach(key -> failures.add(key + ": has a rule, but the application maps no such route"));

        createIssuersAndRoles();
        Map<String, Map<Who, String>> matrix = new LinkedHashMap<>();
        for (Route route : routes) {
            Rule rule = RULES.get(route.key());
            Map<Who, String> row = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                if (rule == null) {
                    row.put(who, "no rule");
                } else if (rule.expected(who) == NOT_SENT) {
                    row.put(who, "not sent");
                } else {
                    int status = send(route, who, failures);
                    row.put(who, status == rule.expected(who) ? String.valueOf(status)
                            : "**" + status + "** (table: " + rule.expected(who) + ")");
                    if (status != rule.expected(who)) {
                        failures.add(route.key() + " as " + who.label + ": expected " + rule.expected(who)
                                + ", answered " + status);
                    }
                }
            }
            matrix.put(route.key(), row);
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, markdown(matrix));

        assertThat(failures).as("access matrix, written to " + REPORT.toAbsolutePath()).isEmpty();
    }

    // ---------------------------------------------------------------- routes

    /** Every (method, pattern) Spring MVC maps under /api, sorted by path and then method. */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/api") && !pattern.startsWith("/api/")) {
                    continue;
                }
                // A mapping without a method answers every method; list it as such so it cannot slip through.
                if (methods.isEmpty()) {
                    routes.add(new Route("ANY", pattern));
                }
                methods.forEach(method -> routes.add(new Route(method.name(), pattern)));
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return routes;
    }

    // ---------------------------------------------------------------- fixtures

    /**
     * The first issuer with a stakeholder, a stock class and an issuance; OWNER, ADMIN, VIEWER and SHAREHOLDER (of
     * that stakeholder) on it; a second issuer owned by the other owner. Both are formed in Delaware, so that the
     * franchise tax report applies to them.
     */
    private void createIssuersAndRoles() {
        Map<Who, String> accounts = new EnumMap<>(Who.class);
        emails.put(Who.PLATFORM_ADMIN, ADMIN_EMAIL);
        for (Who who : List.of(Who.OWNER, Who.ADMIN, Who.VIEWER, Who.SHAREHOLDER, Who.OTHER_OWNER)) {
            String email = "matrix-" + who.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID()
                    + "@capledger.test";
            emails.put(who, email);
            accounts.put(who, createAccount(api, email));
        }
        String issuerId = createIssuerOwnedBy("Matrix Inc.", accounts.get(Who.OWNER));
        createIssuerOwnedBy("Other Matrix Inc.", accounts.get(Who.OTHER_OWNER));

        Api owner = anonymous.login(emails.get(Who.OWNER), PASSWORD);
        String holder = created(owner.command("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Hester Holder"},
                 "relationship": "INVESTOR"}""")).id();
        String stockClass = created(owner.command("/api/issuers/" + issuerId + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000000"}""")).id();
        String security = created(owner.command("/api/issuers/" + issuerId + "/stock-issuances",
                issueBody(holder, stockClass, "1000", "2020-01-01"))).id();
        String plan = created(owner.command("/api/issuers/" + issuerId + "/stock-plans", """
                {"date": "2020-01-01", "planName": "Matrix Plan", "initialSharesReserved": "1000000",
                 "stockClassIds": ["%s"]}""".formatted(stockClass))).id();
        String grantId = created(owner.command("/api/issuers/" + issuerId + "/equity-compensation-issuances",
                grantBody(holder, plan, stockClass, "OPTION_NSO", null))).id();
        variables.put("stockPlanId", plan);
        variables.put("warrantId", created(owner.command("/api/issuers/" + issuerId + "/warrant-issuances",
                warrantBody(holder, stockClass))).id());
        variables.put("convertibleId", created(owner.command("/api/issuers/" + issuerId + "/convertible-issuances",
                convertibleBody(holder))).id());
        variables.put("grantId", grantId);
        Api.Response imported = api.post("/api/ocf/imports?dryRun=true", OCF_PACKAGE, "application/zip");
        assertThat(imported.status()).as(imported.text()).isEqualTo(202);
        variables.put("importId", imported.json().get("importId").asString());
        variables.putAll(Map.of("issuerId", issuerId, "stakeholderId", holder, "stockClassId", stockClass,
                "securityId", security));
        variables.put("label", "CS-1");
        variables.put("code", "0000-0000-0000-0000");
        grant(owner, accounts.get(Who.ADMIN), "{\"role\": \"ADMIN\"}");
        grant(owner, accounts.get(Who.VIEWER), "{\"role\": \"VIEWER\"}");
        grant(owner, accounts.get(Who.SHAREHOLDER),
                "{\"role\": \"SHAREHOLDER\", \"stakeholderId\": \"" + holder + "\"}");
        britishIssuerWithTheSameRoles(owner, accounts);

        callers.put(Who.ANONYMOUS, anonymous);
        for (Who who : Who.values()) {
            if (who != Who.ANONYMOUS) {
                callers.put(who, anonymous.as(login(who).get("accessToken").asString()));
            }
        }
        awaitReadModels();
    }

    /**
     * A second issuer, formed in GB (the register of members is kept only there), with a member holding shares and
     * the same roles as on the first; its id is the {@code britishIssuerId} variable.
     */
    private void britishIssuerWithTheSameRoles(Api owner, Map<Who, String> accounts) {
        String issuerId = created(api.command("/api/issuers", """
                {"legalName": "Matrix Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB",
                 "ownerAccountId": "%s"}""".formatted(accounts.get(Who.OWNER)))).json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String member = created(owner.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Mina Member"},
                 "relationship": "INVESTOR", "address": {"addressType": "LEGAL", "city": "Leeds", "country": "GB"}}"""))
                .id();
        String ordinary = created(owner.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Ordinary", "classType": "COMMON", "certificatePrefix": "ORD-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000"}""")).id();
        created(owner.command(base + "/stock-issuances", issueBody(member, ordinary, "10", "2020-01-01")));
        grant(owner, issuerId, accounts.get(Who.ADMIN), "{\"role\": \"ADMIN\"}");
        grant(owner, issuerId, accounts.get(Who.VIEWER), "{\"role\": \"VIEWER\"}");
        grant(owner, issuerId, accounts.get(Who.SHAREHOLDER),
                "{\"role\": \"SHAREHOLDER\", \"stakeholderId\": \"" + member + "\"}");
        variables.put("britishIssuerId", issuerId);
    }

    private String createAccount(Api admin, String email) {
        Api.Response created = admin.post("/api/accounts", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("accountId").asString();
    }

    private String createIssuerOwnedBy(String name, String ownerAccountId) {
        Api.Response created = api.command("/api/issuers", """
                {"legalName": "%s", "formationDate": "2020-01-01", "countryOfFormation": "US",
                 "subdivisionOfFormation": "DE", "ownerAccountId": "%s"}""".formatted(name, ownerAccountId));
        return created(created).json().get("issuerId").asString();
    }

    private void grant(Api by, String accountId, String body) {
        grant(by, variables.get("issuerId"), accountId, body);
    }

    private void grant(Api by, String issuerId, String accountId, String body) {
        Api.Response granted = by.send(request("PUT", "/api/issuers/" + issuerId + "/members/" + accountId, body));
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response;
    }

    /** Signs in as {@code who} (anonymous signs in as VIEWER) and returns the token response. */
    private JsonNode login(Who who) {
        Who as = who == Who.ANONYMOUS ? Who.VIEWER : who;
        String password = as == Who.PLATFORM_ADMIN ? ADMIN_PASSWORD : PASSWORD;
        Api.Response response = anonymous.post("/api/auth/login", loginBody(emails.get(as), password));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static String loginBody(String email, String password) {
        return """
                {"email": "%s", "password": "%s"}""".formatted(email, password);
    }

    private void awaitReadModels() {
        assertThat(processors.awaitProcessed(processors.headPosition(), Duration.ofSeconds(30))).isTrue();
    }

    // ---------------------------------------------------------------- one cell

    /**
     * Sends one valid request on the route as {@code who} and returns the status. Adds to {@code failures} a 5xx, a
     * refused request that recorded events, and a 404 that differs from the one for an unknown issuer.
     */
    private int send(Route route, Who who, List<String> failures) {
        Api caller = callers.get(who);
        Map<String, String> values = new HashMap<>(variables);
        if (route.path().contains("{accountId}")) {
            // Granting or revoking a role changes the member, so each cell gets a member of its own.
            values.put("accountId", freshViewer());
        }
        if (route.path().startsWith("/api/issuers/{issuerId}/warrants/{securityId}")) {
            values.put("securityId", route.method().equals("GET") ? variables.get("warrantId")
                    : freshInstrument("/warrant-issuances", warrantBody(variables.get("stakeholderId"),
                    variables.get("stockClassId"))));
        } else if (route.path().startsWith("/api/issuers/{issuerId}/convertibles/{securityId}")) {
            values.put("securityId", route.method().equals("GET") ? variables.get("convertibleId")
                    : freshInstrument("/convertible-issuances", convertibleBody(variables.get("stakeholderId"))));
        } else if (route.path().startsWith("/api/issuers/{issuerId}/grants/{securityId}")) {
            values.put("securityId", route.method().equals("GET") ? variables.get("grantId") : freshGrant(route.path()));
        } else if (route.method().equals("POST") && route.path().contains("{securityId}/")) {
            // A stock transaction extinguishes its security, so each cell acts on one of its own.
            values.put("securityId", freshSecurity(route.path().endsWith("/conversions")
                    ? freshClass(true) : variables.get("stockClassId")));
        }
        if (route.path().contains("/register-of-members")) {
            values.put("issuerId", variables.get("britishIssuerId"));
        }
        if (route.path().endsWith("/splits")) {
            values.put("stockClassId", freshClass(false));
        }
        if (route.path().endsWith("/conversion-ratio-adjustments")) {
            values.put("stockClassId", freshClass(true));
        }
        if (route.path().contains("{invitationId}")) {
            // Revoking closes the invitation, so each cell gets one of its own.
            values.put("invitationId", freshInvitation());
        }
        if (route.path().contains("{sessionId}")) {
            values.put("sessionId", UUID.randomUUID().toString());
        }
        if (route.path().startsWith("/api/auth/logout") && who != Who.ANONYMOUS) {
            // Logging out ends the session it is sent with; the caller's own session must go on for later cells.
            caller = anonymous.as(login(who).get("accessToken").asString());
        }
        String path = substitute(route.path(), values);
        if (path == null) {
            failures.add(route.key() + ": no value for a path variable; add one in createIssuersAndRoles");
            return -1;
        }
        String query = QUERIES.getOrDefault(route.key(), "");
        path += query;
        String body = body(route, who);
        long eventsBefore = count("domainevententry");
        Api.Response response = route.key().equals("POST /api/ocf/imports")
                ? caller.post(path + "?dryRun=true", OCF_PACKAGE, "application/zip")
                : caller.send(request(route.method(), path, body));
        int status = response.status();
        if (status >= 500) {
            failures.add(route.key() + " as " + who.label + ": " + status + " " + response.text());
        }
        if (status >= 400 && count("domainevententry") != eventsBefore) {
            failures.add(route.key() + " as " + who.label + ": refused with " + status + " but recorded events");
        }
        if (status == 404 && route.path().contains("{issuerId}")) {
            // Someone else's issuer must be indistinguishable from one that does not exist.
            values.put("issuerId", UUID.randomUUID().toString());
            Api.Response unknown = caller.send(request(route.method(), substitute(route.path(), values) + query,
                    body));
            if (unknown.status() != 404 || !withoutInstance(unknown.text()).equals(withoutInstance(response.text()))) {
                failures.add(route.key() + " as " + who.label + ": answers " + response.text()
                        + " but for an unknown issuer " + unknown.status() + " " + unknown.text());
            }
        }
        if (route.path().equals("/api/auth/logout-all") && who != Who.ANONYMOUS) {
            // logout-all also ended the caller's own session.
            callers.put(who, anonymous.as(login(who).get("accessToken").asString()));
        }
        if (route.path().startsWith("/api/admin/projections")) {
            // A rebuild empties the read models; the read cells after it must see them whole again.
            awaitReadModels();
        }
        return status;
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    /** @return a fresh stock class of the first issuer, converting 1:1 into Common when {@code converting} */
    private String freshClass(boolean converting) {
        int n = serial.incrementAndGet();
        String rights = converting ? ", \"conversionRights\": [{\"convertsToStockClassId\": \""
                + variables.get("stockClassId") + "\", \"ratio\": {\"numerator\": \"1\", \"denominator\": \"1\"}}]"
                : "";
        return created(callers.get(Who.PLATFORM_ADMIN).command("/api/issuers/" + variables.get("issuerId")
                + "/stock-classes", """
                {"date": "2021-01-01", "name": "Fresh %d", "classType": "PREFERRED", "certificatePrefix": "F%d-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000"%s}""".formatted(n, n, rights)))
                .id();
    }

    /** @return a fresh security of 10 shares of {@code stockClassId} held by the first issuer's stakeholder */
    private String freshSecurity(String stockClassId) {
        return created(callers.get(Who.PLATFORM_ADMIN).command("/api/issuers/" + variables.get("issuerId")
                + "/stock-issuances", issueBody(variables.get("stakeholderId"), stockClassId, "10", "2021-03-01"))).id();
    }

    static String warrantBody(String holder, String stockClass) {
        return """
                {"date": "2021-01-15", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "10",
                 "exercisePrice": {"amount": "1", "currency": "USD"},
                 "purchasePrice": {"amount": "0", "currency": "USD"}}""".formatted(holder, stockClass);
    }

    static String convertibleBody(String holder) {
        return """
                {"date": "2021-01-15", "stakeholderId": "%s", "convertibleType": "SAFE",
                 "investmentAmount": {"amount": "1000", "currency": "USD"}}""".formatted(holder);
    }

    private String freshInstrument(String route, String body) {
        return created(callers.get(Who.PLATFORM_ADMIN).command("/api/issuers/" + variables.get("issuerId") + route,
                body)).id();
    }

    static String grantBody(String holder, String plan, String stockClass, String type, String terms) {
        return """
                {"date": "2021-01-15", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "%s", "quantity": "10", %s "expirationDate": "2031-01-14"%s}""".formatted(
                holder, plan, stockClass, type,
                type.equals("RSU") ? "" : "\"exercisePrice\": {\"amount\": \"1\", \"currency\": \"USD\"},",
                terms == null ? "" : ", \"vestingTerms\": " + terms);
    }

    /** @return a fresh grant of the kind the transaction on {@code path} needs, held by the first stakeholder */
    private String freshGrant(String path) {
        Api admin = callers.get(Who.PLATFORM_ADMIN);
        String issuer = "/api/issuers/" + variables.get("issuerId");
        String plan = variables.get("stockPlanId");
        String type = path.endsWith("/releases") ? "RSU" : "OPTION_NSO";
        String terms = null;
        if (path.endsWith("/vesting-starts") || path.endsWith("/vesting-accelerations")) {
            terms = GrantsTest.FOUR_YEARS_ONE_YEAR_CLIFF;
        } else if (path.endsWith("/vesting-events")) {
            terms = """
                    {"id": "ipo", "name": "On IPO", "allocationType": "CUMULATIVE_ROUNDING", "vestingConditions": [
                      {"id": "ipo", "portion": {"numerator": "1", "denominator": "1"}, "trigger": {"type": "VESTING_EVENT"},
                       "nextConditionIds": []}]}""";
        }
        if (path.endsWith("/returns-to-pool")) {
            plan = created(admin.command(issuer + "/stock-plans", """
                    {"date": "2020-01-01", "planName": "Held %d", "initialSharesReserved": "100",
                     "defaultCancellationBehavior": "HOLD_AS_CAPITAL_STOCK", "stockClassIds": ["%s"]}"""
                    .formatted(serial.incrementAndGet(), variables.get("stockClassId")))).id();
        }
        String grant = created(admin.command(issuer + "/equity-compensation-issuances",
                grantBody(variables.get("stakeholderId"), plan, variables.get("stockClassId"), type, terms))).id();
        if (path.endsWith("/returns-to-pool")) {
            Api.Response cancelled = admin.command(issuer + "/grants/" + grant + "/cancellations", """
                    {"date": "2021-02-01", "quantity": "10", "reason": "Matrix"}""");
            assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        }
        return grant;
    }

    /** A fresh account holding VIEWER on the first issuer. */
    private String freshViewer() {
        Api admin = callers.get(Who.PLATFORM_ADMIN);
        String accountId = createAccount(admin, "matrix-member-" + UUID.randomUUID() + "@capledger.test");
        grant(admin, accountId, "{\"role\": \"VIEWER\"}");
        return accountId;
    }

    /** A fresh invitation to the first issuer with the VIEWER role. */
    private String freshInvitation() {
        Api.Response invited = callers.get(Who.PLATFORM_ADMIN).post("/api/issuers/" + variables.get("issuerId")
                + "/invitations", """
                {"email": "matrix-invitee-%s@capledger.test", "role": "VIEWER"}""".formatted(UUID.randomUUID()));
        return created(invited).json().get("invitationId").asString();
    }

    /** Example bodies: valid, and fresh where a name or email must be unique. Routes not listed take no body. */
    private String body(Route route, Who who) {
        int n = serial.incrementAndGet();
        Map<String, Function<Who, String>> bodies = Map.ofEntries(
                Map.entry("POST /api/auth/login", w -> {
                    Who as = w == Who.ANONYMOUS ? Who.VIEWER : w;
                    return loginBody(emails.get(as), as == Who.PLATFORM_ADMIN ? ADMIN_PASSWORD : PASSWORD);
                }),
                Map.entry("POST /api/auth/refresh",
                        w -> "{\"refreshToken\": \"" + login(w).get("refreshToken").asString() + "\"}"),
                Map.entry("POST /api/auth/signup", w -> """
                        {"email": "matrix-signup-%s@capledger.test", "password": "%s"}"""
                        .formatted(UUID.randomUUID(), PASSWORD)),
                Map.entry("POST /api/accounts", w -> """
                        {"email": "matrix-new-%s@capledger.test", "password": "%s"}"""
                        .formatted(UUID.randomUUID(), PASSWORD)),
                Map.entry("POST /api/issuers", w -> """
                        {"legalName": "Matrix Created %d", "formationDate": "2020-01-01", "countryOfFormation": "US"}"""
                        .formatted(n)),
                Map.entry("POST /api/issuers/{issuerId}/authorized-shares-adjustments", w -> """
                        {"date": "2021-01-01", "newSharesAuthorized": "1000000000"}"""),
                Map.entry("POST /api/issuers/{issuerId}/stakeholders", w -> """
                        {"date": "2021-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Matrix Holder %d"},
                         "email": "holder-%d@example.com", "relationship": "INVESTOR"}""".formatted(n, n)),
                Map.entry("PATCH /api/issuers/{issuerId}/stakeholders/{stakeholderId}", w -> """
                        {"date": "2021-02-01", "email": "hester-%d@example.com"}""".formatted(n)),
                Map.entry("POST /api/issuers/{issuerId}/stock-classes", w -> """
                        {"date": "2021-01-01", "name": "Class %d", "classType": "COMMON", "certificatePrefix": "C%d-",
                         "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000"}""".formatted(n, n)),
                Map.entry("POST /api/issuers/{issuerId}/stock-classes/{stockClassId}/authorized-shares-adjustments",
                        w -> """
                                {"date": "2021-01-01", "newSharesAuthorized": "1000000"}"""),
                Map.entry("POST /api/issuers/{issuerId}/stock-issuances",
                        w -> issueBody(variables.get("stakeholderId"), variables.get("stockClassId"), "10",
                                "2021-03-01")),
                Map.entry("PUT /api/issuers/{issuerId}/members/{accountId}", w -> "{\"role\": \"VIEWER\"}"),
                Map.entry("POST /api/issuers/{issuerId}/securities/{securityId}/acceptances", w -> """
                        {"date": "2021-06-01"}"""),
                Map.entry("POST /api/issuers/{issuerId}/securities/{securityId}/cancellations", w -> """
                        {"date": "2021-06-01", "quantity": "4", "reason": "Matrix"}"""),
                Map.entry("POST /api/issuers/{issuerId}/securities/{securityId}/conversions", w -> """
                        {"date": "2021-06-01", "quantity": "10", "toStockClassId": "%s"}"""
                        .formatted(variables.get("stockClassId"))),
                Map.entry("POST /api/issuers/{issuerId}/securities/{securityId}/reissuances", w -> """
                        {"date": "2021-06-01", "newSecurities": [{"quantity": "10"}]}"""),
                Map.entry("POST /api/issuers/{issuerId}/securities/{securityId}/repurchases", w -> """
                        {"date": "2021-06-01", "quantity": "10", "price": {"amount": "1", "currency": "USD"}}"""),
                Map.entry("POST /api/issuers/{issuerId}/securities/{securityId}/retractions", w -> """
                        {"date": "2021-06-01", "reason": "Matrix"}"""),
                Map.entry("POST /api/issuers/{issuerId}/securities/{securityId}/lost-certificate-replacements",
                        w -> """
                        {"date": "2021-06-01", "affidavitDate": "2021-05-30"}"""),
                Map.entry("PUT /api/issuers/{issuerId}/certificate-officers", w -> """
                        {"date": "2020-01-01", "officers": [{"name": "Matrix Officer", "title": "President"}]}"""),
                Map.entry("PUT /api/issuers/{issuerId}/stock-classes/{stockClassId}/legends", w -> """
                        {"date": "2020-01-01", "legends": [{"template": "RULE_701"}]}"""),
                Map.entry("POST /api/issuers/{issuerId}/securities/{securityId}/transfers", w -> """
                        {"date": "2021-06-01", "transferees": [{"stakeholderId": "%s", "quantity": "3"}]}"""
                        .formatted(variables.get("stakeholderId"))),
                Map.entry("POST /api/issuers/{issuerId}/stock-plans", w -> """
                        {"date": "2020-01-01", "planName": "Plan %d", "initialSharesReserved": "100",
                         "stockClassIds": ["%s"]}""".formatted(n, variables.get("stockClassId"))),
                Map.entry("POST /api/issuers/{issuerId}/stock-plans/{stockPlanId}/pool-adjustments", w -> """
                        {"date": "2021-01-01", "sharesReserved": "2000000"}"""),
                Map.entry("POST /api/issuers/{issuerId}/equity-compensation-issuances", w -> grantBody(
                        variables.get("stakeholderId"), variables.get("stockPlanId"), variables.get("stockClassId"),
                        "OPTION_ISO", null)),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/acceptances", w -> """
                        {"date": "2021-06-01"}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/cancellations", w -> """
                        {"date": "2021-06-01", "quantity": "4", "reason": "Matrix"}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/exercises", w -> """
                        {"date": "2021-06-01", "quantity": "4"}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/releases", w -> """
                        {"date": "2021-06-01", "quantity": "4"}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/repricings", w -> """
                        {"date": "2021-06-01", "newExercisePrice": {"amount": "0.5", "currency": "USD"}}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/retractions", w -> """
                        {"date": "2021-06-01", "reason": "Matrix"}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/returns-to-pool", w -> """
                        {"date": "2021-06-01", "quantity": "4"}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/vesting-accelerations", w -> """
                        {"date": "2021-06-01", "quantity": "4", "reason": "Matrix"}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/transfers", w -> """
                        {"date": "2021-06-01", "toStakeholderId": "%s"}""".formatted(variables.get("stakeholderId"))),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/vesting-events", w -> """
                        {"date": "2021-06-01", "vestingConditionId": "ipo"}"""),
                Map.entry("POST /api/issuers/{issuerId}/grants/{securityId}/vesting-starts", w -> """
                        {"date": "2021-06-01", "vestingConditionId": "start"}"""),
                Map.entry("POST /api/issuers/{issuerId}/stakeholders/{stakeholderId}/status-changes", w -> """
                        {"date": "2021-06-01", "newStatus": "%s"}""".formatted(n % 2 == 0 ? "ACTIVE"
                        : "LEAVE_OF_ABSENCE")),
                Map.entry("POST /api/issuers/{issuerId}/stakeholders/{stakeholderId}/relationship-changes",
                        w -> """
                                {"date": "2021-06-01", "relationshipStarted": "INVESTOR"}"""),
                Map.entry("POST /api/issuers/{issuerId}/warrant-issuances", w -> warrantBody(
                        variables.get("stakeholderId"), variables.get("stockClassId"))),
                Map.entry("POST /api/issuers/{issuerId}/convertible-issuances", w -> convertibleBody(
                        variables.get("stakeholderId"))),
                Map.entry("POST /api/issuers/{issuerId}/warrants/{securityId}/acceptances", w -> """
                        {"date": "2021-06-01"}"""),
                Map.entry("POST /api/issuers/{issuerId}/warrants/{securityId}/cancellations", w -> """
                        {"date": "2021-06-01", "quantity": "4", "reason": "Matrix"}"""),
                Map.entry("POST /api/issuers/{issuerId}/warrants/{securityId}/exercises", w -> """
                        {"date": "2021-06-01", "quantity": "4"}"""),
                Map.entry("POST /api/issuers/{issuerId}/warrants/{securityId}/retractions", w -> """
                        {"date": "2021-06-01", "reason": "Matrix"}"""),
                Map.entry("POST /api/issuers/{issuerId}/warrants/{securityId}/transfers", w -> """
                        {"date": "2021-06-01", "toStakeholderId": "%s"}""".formatted(variables.get("stakeholderId"))),
                Map.entry("POST /api/issuers/{issuerId}/convertibles/{securityId}/acceptances", w -> """
                        {"date": "2021-06-01"}"""),
                Map.entry("POST /api/issuers/{issuerId}/convertibles/{securityId}/cancellations", w -> """
                        {"date": "2021-06-01", "reason": "Repaid"}"""),
                Map.entry("POST /api/issuers/{issuerId}/convertibles/{securityId}/conversions", w -> """
                        {"date": "2021-06-01", "stockClassId": "%s", "quantity": "10", "reason": "Matrix"}"""
                        .formatted(variables.get("stockClassId"))),
                Map.entry("POST /api/issuers/{issuerId}/convertibles/{securityId}/retractions", w -> """
                        {"date": "2021-06-01", "reason": "Matrix"}"""),
                Map.entry("POST /api/issuers/{issuerId}/convertibles/{securityId}/transfers", w -> """
                        {"date": "2021-06-01", "toStakeholderId": "%s"}""".formatted(variables.get("stakeholderId"))),
                Map.entry("POST /api/issuers/{issuerId}/stock-consolidations", w -> """
                        {"date": "2021-06-01", "securityIds": ["%s", "%s"]}""".formatted(
                        freshSecurity(variables.get("stockClassId")), freshSecurity(variables.get("stockClassId")))),
                Map.entry("POST /api/issuers/{issuerId}/stock-classes/{stockClassId}/splits", w -> """
                        {"date": "2021-06-01", "ratio": {"numerator": "2", "denominator": "1"}}"""),
                Map.entry("POST /api/issuers/{issuerId}/stock-classes/{stockClassId}/conversion-ratio-adjustments",
                        w -> """
                                {"date": "2021-06-01", "convertsToStockClassId": "%s",
                                 "newRatio": {"numerator": "2", "denominator": "1"}}"""
                                .formatted(variables.get("stockClassId"))),
                Map.entry("POST /api/invitations/accept", w -> """
                        {"token": "%s", "password": "a perfectly fine passphrase"}""".formatted("t".repeat(43))),
                Map.entry("POST /api/issuers/{issuerId}/invitations", w -> """
                        {"email": "invitee-%d@capledger.test", "role": "VIEWER"}""".formatted(n)),
                Map.entry("POST /api/auth/password", w -> """
                        {"currentPassword": "not the current password", "newPassword": "a brand new passphrase"}"""));
        Function<Who, String> body = bodies.get(route.key());
        return body == null ? null : body.apply(who);
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!method.equals("GET")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    /** @return the path with every {variable} replaced, or null when one has no value */
    private static String substitute(String pattern, Map<String, String> values) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(path).toString();
    }

    // ---------------------------------------------------------------- report

    private static String markdown(Map<String, Map<Who, String>> matrix) {
        StringBuilder md = new StringBuilder("| Route |");
        Arrays.stream(Who.values()).forEach(who -> md.append(' ').append(who.label).append(" |"));
        md.append("\n| --- |").append(" :-: |".repeat(Who.values().length)).append('\n');
        List<String> notes = new ArrayList<>();
        matrix.forEach((route, row) -> {
            Rule rule = RULES.get(route);
            String marker = "";
            if (rule != null && rule.note() != null) {
                if (!notes.contains(rule.note())) {
                    notes.add(rule.note());
                }
                marker = " [" + (notes.indexOf(rule.note()) + 1) + "]";
            }
            md.append("| `").append(route).append('`').append(marker).append(" |");
            row.values().forEach(cell -> md.append(' ').append(cell).append(" |"));
            md.append('\n');
        });
        md.append('\n');
        for (int i = 0; i < notes.size(); i++) {
            md.append(i + 1).append(". ").append(notes.get(i)).append('\n');
        }
        return md.toString();
    }
}
