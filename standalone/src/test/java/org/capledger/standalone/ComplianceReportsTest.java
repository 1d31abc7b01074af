package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The compliance reports over HTTP, fed by histories recorded through the command API: the Delaware franchise tax
 * of the Division of Corporations' worked example (exact to the cent), with a proration after an amendment; Rule 701
 * with grants, employee stock and the stakeholders' relationships on the issuance dates; holders of record with the
 * employee-compensation exclusion traced through exercises, a transfer and a split. CSV is parsed back, and PDF text
 * read back with PDFBox (figures, working and source citations); the franchise tax PDF is kept in
 * target/compliance-reports to look at.
 */
class ComplianceReportsTest extends EndToEndTest {

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final Path RENDERINGS = Path.of("target", "compliance-reports");

    // ---------------------------------------------------------------- Delaware franchise tax

    @Test
    void franchiseTaxReproducesTheDivisionsWorkedExampleAndProratesALaterAmendment() {
        String base = delawareIssuer("Worked Example Inc.", "2019-01-01");
        String common = stockClass(base, "Common", "CS-", "COMMON", "1000000", "1", "2019-01-01");
        String preferred = stockClass(base, "Preferred", "PS-", "PREFERRED", "250000", "5", "2019-01-01");
        String ana = stakeholder(base, "Ana Founder", "FOUNDER", "2019-01-01");
        String ben = stakeholder(base, "Ben Investor", "INVESTOR", "2019-01-01");
        issue(base, ana, common, "400000", "0.001", "2019-02-01");
        issue(base, ben, preferred, "85000", "5", "2020-03-01");
        Api.Response amendment = api.command(base + "/stock-classes/" + common + "/authorized-shares-adjustments", """
                {"date": "2024-07-01", "newSharesAuthorized": "2000000"}""");
        assertThat(amendment.status()).as(amendment.text()).isEqualTo(200);

        Api.Response answer = api.read(base + "/reports/delaware-franchise-tax?taxYear=2023&grossAssets=1000000",
                amendment);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode statement = answer.json();
        assertThat(statement.get("legalName").asString()).isEqualTo("Worked Example Inc.");
        assertThat(statement.get("provisional").asBoolean()).isFalse();
        assertThat(statement.get("input").get("issuedShares").asString()).isEqualTo("485000");
        JsonNode report = statement.get("report");
        assertMoney(report.get("assumedPar"), "2.061856");
        assertThat(report.get("periods")).hasSize(1);
        assertMoney(report.get("periods").get(0).get("assumedParValueCapital"), "3311856.00");
        assertMoney(report.get("assumedParValueCapitalMethodTax"), "1600.00");
        assertMoney(report.get("authorizedSharesMethodTax"), "10790.00");
        assertThat(report.get("chosenMethod").asString()).isEqualTo("ASSUMED_PAR_VALUE_CAPITAL");
        assertMoney(report.get("franchiseTax"), "1600.00");
        assertMoney(report.get("totalDue"), "1650.00");
        List<String> descriptions = Api.texts(report.get("working"), "description");
        assertThat(descriptions.get(0)).startsWith("Issuer Worked Example Inc., formed 2019-01-01 in US-DE");
        // the amendment of 2024 is after the tax year, so it is not read
        assertThat(descriptions).contains("Class Common: par value $1.00 per share; created 2019-01-01 with "
                + "1,000,000 authorized.");
        assertThat(descriptions).anyMatch(d -> d.startsWith("Issued shares at the end of 2023: 485,000 (Common "
                + "400,000; Preferred 85,000)"));
        assertThat(descriptions).anyMatch(d -> d.contains("= $3,311,856.00") || d.contains("$3,311,856.00 is 4"));
        assertThat(Api.texts(report.get("working"), "source")).allMatch(source -> !source.isBlank())
                .anyMatch(source -> source.startsWith("8 Del. C. §503(a)(2)"));

        Api.Download pdf = api.download(base + "/reports/delaware-franchise-tax?taxYear=2023&grossAssets=1000000",
                "Accept", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("delaware-franchise-tax-2023.pdf");
        writeForLookingAt("franchise-tax.pdf", pdf.body());
        String text = pdfText(pdf.body());
        assertThat(text).contains("Delaware franchise tax, tax year 2023", "Worked Example Inc.",
                "Authorized shares method $10,790.00", "Assumed par value capital method $1,600.00",
                "Assumed par $2.061856 per share", "Franchise tax $1,600.00", "Total due by 1 March 2024 $1,650.00",
                "Issued shares at year end (ledger) 485,000", "$3,311,856.00",
                "Source: 8 Del. C. §503(a)(2): par classes at the greater of par and assumed par",
                "StockClassCreated of 2019-01-01");
        for (String description : descriptions) {
            assertThat(text).contains(description.replaceAll("\\s+", " "));
        }

        // 2024 (366 days): 1,250,000 authorized to 30 June, 2,250,000 from 1 July, each method prorated by days.
        JsonNode leapYear = api.get(base + "/reports/delaware-franchise-tax?taxYear=2024&grossAssets=1000000.00")
                .json().get("report");
        assertThat(leapYear.get("daysInYear").asInt()).isEqualTo(366);
        assertThat(Api.texts(leapYear.get("periods"), "from")).containsExactly("2024-01-01", "2024-07-01");
        assertThat(Api.texts(leapYear.get("periods"), "days")).containsExactly("182", "184");
        // 10,790 × 182/366 = 5,365.52 and 19,290 × 184/366 = 9,697.70;
        // 1,600 × 182/366 = 795.63 and 2,400 × 184/366 = 1,206.56
        assertMoney(leapYear.get("authorizedSharesMethodTax"), "15063.22");
        assertMoney(leapYear.get("assumedParValueCapitalMethodTax"), "2002.19");
        assertMoney(leapYear.get("franchiseTax"), "2002.19");
        assertThat(Api.texts(leapYear.get("working"), "source")).anyMatch(s -> s.contains(
                "StockClassAuthorizedSharesAdjusted of 2024-07-01"));
    }

    @Test
    void franchiseTaxIsRefusedForOtherIssuersYearsFormatsAndAmounts() {
        String base = delawareIssuer("Refusals Inc.", "2019-01-01");
        stockClass(base, "Common", "CS-", "COMMON", "5000", "0.0001", "2019-01-01");
        String california = "/api/issuers/" + api.command("/api/issuers", """
                {"legalName": "Golden State Corp.", "formationDate": "2019-01-01", "countryOfFormation": "US",
                 "subdivisionOfFormation": "CA"}""").json().get("issuerId").asString();
        String query = "/reports/delaware-franchise-tax?taxYear=2023&grossAssets=1000000";

        JsonNode notDelaware = problem(api.get(california + query), 422, "REPORT_NOT_APPLICABLE");
        assertThat(notDelaware.get("detail").asString()).contains("formed in US-CA");
        assertThat(notDelaware.get("subdivisionOfFormation").asString()).isEqualTo("CA");

        problem(api.get(base + "/reports/delaware-franchise-tax?taxYear=2999&grossAssets=1"), 400, "INVALID_PARAMETER");
        problem(api.get(base + "/reports/delaware-franchise-tax?taxYear=2017&grossAssets=1"), 400, "INVALID_PARAMETER");
        problem(api.get(base + "/reports/delaware-franchise-tax?taxYear=2018&grossAssets=1"), 422,
                "DATE_BEFORE_FORMATION");
        JsonNode missing = problem(api.get(base + "/reports/delaware-franchise-tax?taxYear=2023"), 400,
                "INVALID_PARAMETER");
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("grossAssets");
        for (String amount : List.of("1e6", "-5", "1,000,000", "USD100", "0.12345678901")) {
            problem(api.get(base + "/reports/delaware-franchise-tax?taxYear=2023&grossAssets=" + amount), 400,
                    "INVALID_PARAMETER");
        }
        problem(api.get(base + query + "&format=csv"), 406, "NOT_ACCEPTABLE");
        problem(api.get(base + query, "Accept", "text/csv"), 406, "NOT_ACCEPTABLE");
        problem(api.get(base + query + "&format=xlsx"), 400, "INVALID_PARAMETER");
        assertThat(api.get(base + query, "Accept", "text/html, */*;q=0.8").header("Content-Type"))
                .startsWith("application/json");

        // The smallest company: 5,000 authorized shares pay the $175 minimum, gross assets or not.
        JsonNode smallest = api.get(base + query).json().get("report");
        assertMoney(smallest.get("authorizedSharesMethodTax"), "175.00");
        assertMoney(smallest.get("totalDue"), "225.00");
    }

    // ---------------------------------------------------------------- Rule 701

    @Test
    void rule701CountsGrantsAndStockIssuedToEmployeesConsultantsAndAdvisorsOnTheirIssuanceDates() {
        String base = delawareIssuer("Seven Oh One Inc.", "2020-01-01");
        String common = stockClass(base, "Common", "CS-", "COMMON", "10000000", "0.0001", "2020-01-01");
        String founder = stakeholder(base, "Fay Founder", "FOUNDER", "2020-01-01");
        String investor = stakeholder(base, "Ivy Investor", "INVESTOR", "2020-01-01");
        String employee = stakeholder(base, "Eli Employee", "EMPLOYEE", "2020-01-01");
        String consultant = stakeholder(base, "=SUM(1+1) Cora Consultant", "CONSULTANT", "2020-01-01");
        issue(base, founder, common, "4000000", "0.0001", "2020-01-01");
        issue(base, investor, common, "1000000", "1", "2021-01-01");
        String plan = api.command(base + "/stock-plans", """
                {"date": "2021-01-01", "planName": "2021 Plan", "initialSharesReserved": "2000000",
                 "stockClassIds": ["%s"]}""".formatted(common)).id();

        // Not counted: stock to an investor, who becomes an employee only later.
        issue(base, investor, common, "10000", "1", "2023-02-01");
        Api.Response hired = api.command(base + "/stakeholders/" + investor + "/relationship-changes", """
                {"date": "2023-05-01", "relationshipStarted": "EMPLOYEE", "relationshipEnded": "INVESTOR"}""");
        assertThat(hired.status()).as(hired.text()).isEqualTo(200);
        // Counted: 500,000 options at $1.50 ($750,000), 100,000 shares to a consultant at $1 ($100,000), 50,000 RSUs
        // at the latest issuance price of Common before their grant, $1 ($50,000). Left out: a cash-settled SAR.
        String option = grant(base, employee, plan, common, "OPTION_ISO", "500000", "1.50", "2023-03-01");
        issue(base, consultant, common, "100000", "1", "2023-06-01");
        grant(base, employee, plan, common, "RSU", "50000", null, "2023-09-01");
        grant(base, employee, plan, common, "CSAR", "20000", null, "2023-10-01");
        // An exercise is no new sale.
        Api.Response exercise = api.command(base + "/grants/" + option + "/exercises", """
                {"date": "2023-11-01", "quantity": "100000"}""");
        assertThat(exercise.status()).as(exercise.text()).isEqualTo(200);

        String query = "/reports/rule-701?asOf=2023-12-31&totalAssets=5000000";
        Api.Response answer = api.read(base + query, exercise);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode statement = answer.json();
        JsonNode window = statement.get("report").get("asOfWindow");
        assertThat(window.get("from").asString()).isEqualTo("2023-01-01");
        assertThat(Api.texts(window.get("issuances"), "kind")).containsExactly("OPTION", "STOCK", "OTHER");
        assertMoney(window.get("aggregateSalesPrice"), "900000.00");
        // Outstanding at the balance sheet date: 4,000,000 + 1,010,000 + 100,000 + 100,000 exercised = 5,210,000;
        // 15% = 781,500 shares, of which 650,000 are used (83.17%): the greatest limit, ahead of (i) at 90%.
        JsonNode common701 = window.get("classes").get(0);
        assertThat(common701.get("outstanding").asString()).isEqualTo("5210000");
        assertThat(common701.get("limit").asString()).isEqualTo("781500");
        assertThat(common701.get("amountSold").asString()).isEqualTo("650000");
        assertThat(window.get("greatestLimit").asString()).isEqualTo("FIFTEEN_PERCENT_OF_OUTSTANDING_CLASS");
        assertThat(Api.texts(window.get("limits"), "utilizationPercent")).containsExactly("90.00", "120.00", "83.17");
        assertThat(window.get("withinLimits").asBoolean()).isTrue();
        assertThat(window.get("enhancedDisclosureRequired").asBoolean()).isFalse();

        JsonNode ledger = statement.get("ledger");
        assertThat(Api.texts(ledger, "securityLabel")).containsExactly("OPT-1", "CS-4", "RSU-1", "SAR-1");
        assertThat(ledger.get(2).get("valuation").asString())
                .isEqualTo("latest issuance price of Common on or before the grant date (CS-4, 2023-06-01)");
        assertThat(ledger.get(3).get("included").asBoolean()).isFalse();
        assertThat(ledger.get(3).get("reason").asString()).startsWith("cash-settled SAR");
        assertThat(Api.texts(statement.get("report").get("working"), "description").get(0))
                .contains("1 option grant(s)", "1 other award(s)", "1 stock issuance(s) to stakeholders who were "
                        + "employees", "1 left out", "3 stock issuance(s) to stakeholders with another relationship");

        Api.Response csv = api.get(base + query, "Accept", "text/csv");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("rule-701-2023-12-31.csv");
        List<Map<String, String>> rows = csvRows(csv.text());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("security_label", "OPT-1").containsEntry("holder_name", "Eli Employee")
                .containsEntry("quantity", "500000").containsEntry("price_per_security", "1.50")
                .containsEntry("sales_price", "750000.00").containsEntry("valuation", "exercise price at grant");
        assertThat(rows.get(1)).containsEntry("holder_name", "'=SUM(1+1) Cora Consultant")
                .containsEntry("relationship", "CONSULTANT").containsEntry("kind", "STOCK");
        assertThat(rows.get(2)).containsEntry("compensation_type", "RSU").containsEntry("sales_price", "50000.00");
        assertThat(api.get(base + query + "&format=csv").text()).isEqualTo(csv.text());

        Api.Download pdf = api.download(base + query + "&format=pdf", "Accept", "application/json");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Rule 701 as of 2023-12-31", "Aggregate sales price in the window $900,000.00",
                "Greatest limit for these sales (iii) 15% of the outstanding class", "Within the limits yes",
                "=SUM(1+1) Cora Consultant", "SAR-1", "cash-settled SAR",
                "latest issuance price of Common on or before the grant date (CS-4, 2023-06-01)",
                "Source: 17 CFR 230.701(d)(4)(i), (ii)(A): options valued at the exercise price");

        problem(api.get(base + query + "&balanceSheetDate=2024-01-01"), 400, "INVALID_PARAMETER");
        problem(api.get(base + "/reports/rule-701?asOf=2023-12-31"), 400, "INVALID_PARAMETER");
    }

    // ---------------------------------------------------------------- holders of record

    @Test
    void holdersOfRecordLeaveOutHoldersWhoseSharesAllCameFromPlanExercisesTracedThroughTransfersAndSplits() {
        String base = delawareIssuer("Twelve G Inc.", "2020-01-01");
        String common = stockClass(base, "Common", "CS-", "COMMON", "10000000", "0.0001", "2020-01-01");
        String preferred = stockClass(base, "Series A", "PA-", "PREFERRED", "1000000", "0.0001", "2020-01-01");
        String ana = stakeholder(base, "Ana Founder", "FOUNDER", "2020-01-01", true);
        String ben = stakeholder(base, "Ben Investor", "INVESTOR", "2020-01-01");
        String eli = stakeholder(base, "Eli Employee", "EMPLOYEE", "2020-01-01");
        String finn = stakeholder(base, "Finn Employee", "EMPLOYEE", "2020-01-01");
        String gus = stakeholder(base, "Gus Employee", "EMPLOYEE", "2020-01-01");
        String hana = stakeholder(base, "Hana Buyer", "OTHER", "2020-01-01");
        String wes = stakeholder(base, "Wes Warrantholder", "INVESTOR", "2020-01-01", false);
        issue(base, ana, common, "1000000", "0.0001", "2020-01-01");
        issue(base, ben, preferred, "500000", "1", "2020-06-01");
        String plan = api.command(base + "/stock-plans", """
                {"date": "2020-01-01", "planName": "2020 Plan", "initialSharesReserved": "1000000",
                 "stockClassIds": ["%s"]}""".formatted(common)).id();
        exercise(base, grant(base, eli, plan, common, "OPTION_NSO", "1000", "0.10", "2020-02-01"), "1000",
                "2021-01-01");
        exercise(base, grant(base, finn, plan, common, "OPTION_NSO", "1000", "0.10", "2020-02-01"), "500",
                "2021-01-01");
        issue(base, finn, common, "50", "1", "2021-02-01");
        String gusShares = exercise(base, grant(base, gus, plan, common, "OPTION_NSO", "1000", "0.10", "2020-02-01"),
                "1000", "2021-01-01");
        Api.Response sold = api.command(base + "/securities/" + gusShares + "/transfers", """
                {"date": "2021-06-01", "transferees": [{"stakeholderId": "%s", "quantity": "400"}]}""".formatted(hana));
        assertThat(sold.status()).as(sold.text()).isEqualTo(200);
        String warrant = api.command(base + "/warrant-issuances", """
                {"date": "2020-03-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "300",
                 "exercisePrice": {"amount": "1", "currency": "USD"},
                 "purchasePrice": {"amount": "0", "currency": "USD"}}"""
                .formatted(wes, common)).id();
        Api.Response warrantExercise = api.command(base + "/warrants/" + warrant + "/exercises", """
                {"date": "2021-03-01", "quantity": "300"}""");
        assertThat(warrantExercise.status()).as(warrantExercise.text()).isEqualTo(200);
        Api.Response split = api.command(base + "/stock-classes/" + common + "/splits", """
                {"date": "2022-01-01", "ratio": {"numerator": "2", "denominator": "1"}}""");
        assertThat(split.status()).as(split.text()).isEqualTo(200);

        String query = "/reports/holders-of-record?asOf=2023-12-31&totalAssets=12000000";
        Api.Response answer = api.read(base + query, split);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode report = answer.json().get("report");
        JsonNode commonCount = report.get("classes").get(0);
        assertThat(commonCount.get("name").asString()).isEqualTo("Common");
        // Ana, Finn (his 50 bought shares), Hana (by transfer), Wes (a warrant exercise): 4; Eli and Gus left out.
        // Ana is accredited, Wes is not, Finn and Hana have no status recorded: 3 not accredited, 2 of them unknown.
        assertThat(commonCount.get("holdersOfRecord").asInt()).isEqualTo(4);
        assertThat(commonCount.get("excludedHolders").asInt()).isEqualTo(2);
        assertThat(commonCount.get("nonAccreditedHolders").asInt()).isEqualTo(3);
        assertThat(commonCount.get("unknownCountedAsNonAccredited").asInt()).isEqualTo(2);
        // after the 2:1 split: plan shares 2,000 (Eli) + 1,000 (Finn) + 1,200 (Gus) = 4,200
        assertThat(commonCount.get("quantityExcluded").asString()).isEqualTo("4200");
        assertThat(report.get("classes").get(1).get("holdersOfRecord").asInt()).isEqualTo(1);
        assertThat(report.get("totalHoldersOfRecord").asInt()).isEqualTo(5);
        assertThat(report.get("totalNonAccreditedHolders").asInt()).isEqualTo(4);
        assertThat(report.get("totalAssetsExceedThreshold").asBoolean()).isTrue();
        assertThat(report.get("registrationRequired").asBoolean()).isFalse();
        assertThat(report.get("employeeCompensationExclusion").asString()).contains("Rule 12g5-1(a)(8)");

        Api.Response csv = api.get(base + query + "&format=csv");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        List<Map<String, String>> rows = csvRows(csv.text());
        assertThat(rows).extracting(r -> r.get("holder_name")).containsExactly("Ana Founder", "Eli Employee",
                "Finn Employee", "Gus Employee", "Hana Buyer", "Wes Warrantholder", "Ben Investor");
        assertThat(rows).extracting(r -> r.get("accredited_investor")).containsExactly("ACCREDITED", "UNKNOWN",
                "UNKNOWN", "UNKNOWN", "UNKNOWN", "NOT_ACCREDITED", "UNKNOWN");
        Map<String, String> finnRow = rows.get(2);
        assertThat(finnRow).containsEntry("shares_held_of_record", "100")
                .containsEntry("shares_under_compensation_plan", "1000").containsEntry("counted", "yes")
                .containsEntry("accredited_investor", "UNKNOWN");
        assertThat(rows.get(3)).containsEntry("shares_held_of_record", "0")
                .containsEntry("shares_under_compensation_plan", "1200")
                .containsEntry("excluded_under_compensation_plan", "yes").containsEntry("counted", "no");
        assertThat(rows.get(4)).containsEntry("shares_held_of_record", "800").containsEntry("counted", "yes");

        String text = pdfText(api.download(base + query, "Accept", "application/pdf").body());
        assertThat(text).contains("Holders of record as of 2023-12-31", "Registration under §12(g)(1) required no",
                "Common 4 3 2 2", "Gus Employee unknown 0 1,200 CS-", "Ana Founder accredited 2,000,000",
                "Wes Warrantholder not accredited 600", "no (plan)",
                "Accredited-investor status of the holders: 1 accredited, 1 not accredited, 5 unknown",
                "Source: Exchange Act §12(g)(5); 17 CFR 240.12g5-1(a)(8); Capledger ledger");

        // Before Gus sold to Hana, Hana held nothing and Common had three holders of record.
        JsonNode before = api.get(base + "/reports/holders-of-record?asOf=2021-05-31&totalAssets=12000000").json();
        assertThat(before.get("report").get("classes").get(0).get("holdersOfRecord").asInt()).isEqualTo(3);
        assertThat(before.get("report").get("classes").get(0).get("quantityExcluded").asString()).isEqualTo("2500");
    }

    // ---------------------------------------------------------------- fixtures

    private String delawareIssuer(String name, String formationDate) {
        Api.Response created = createIssuer(name, formationDate);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return "/api/issuers/" + created.json().get("issuerId").asString();
    }

    private String stockClass(String base, String name, String prefix, String type, String authorized, String par,
                              String date) {
        Api.Response created = api.command(base + "/stock-classes", """
                {"date": "%s", "name": "%s", "classType": "%s", "certificatePrefix": "%s", "votesPerShare": "1",
                 "seniority": 1, "initialSharesAuthorized": "%s", "parValue": {"amount": "%s", "currency": "USD"}}"""
                .formatted(date, name, type, prefix, authorized, par));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.id();
    }

    private String stakeholder(String base, String name, String relationship, String date) {
        return stakeholder(base, name, relationship, date, null);
    }

    /** @param accredited the stakeholder's accredited-investor attribute; {@code null} records none */
    private String stakeholder(String base, String name, String relationship, String date, Boolean accredited) {
        Api.Response created = api.command(base + "/stakeholders", """
                {"date": "%s", "type": "INDIVIDUAL", "name": {"legalName": "%s"}, "relationship": "%s"%s}"""
                .formatted(date, name, relationship, accredited == null ? ""
                        : ", \"accreditedInvestor\": " + accredited));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.id();
    }

    private String issue(String base, String holder, String stockClass, String quantity, String price, String date) {
        Api.Response issued = api.command(base + "/stock-issuances", """
                {"date": "%s", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "%s",
                 "pricePerShare": {"amount": "%s", "currency": "USD"}}""".formatted(date, holder, stockClass, quantity,
                price));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued.id();
    }

    private String grant(String base, String holder, String plan, String stockClass, String type, String quantity,
                         String exercisePrice, String date) {
        Api.Response granted = api.command(base + "/equity-compensation-issuances", """
                {"date": "%s", "stakeholderId": "%s", "stockPlanId": "%s", "stockClassId": "%s",
                 "compensationType": "%s", "quantity": "%s", %s "expirationDate": "2033-12-31"}""".formatted(date,
                holder, plan, stockClass, type, quantity, exercisePrice == null ? ""
                        : "\"exercisePrice\": {\"amount\": \"" + exercisePrice + "\", \"currency\": \"USD\"},"));
        assertThat(granted.status()).as(granted.text()).isEqualTo(201);
        return granted.id();
    }

    /** @return the stock security the exercise issued */
    private String exercise(String base, String grant, String quantity, String date) {
        Api.Response exercised = api.command(base + "/grants/" + grant + "/exercises", """
                {"date": "%s", "quantity": "%s"}""".formatted(date, quantity));
        assertThat(exercised.status()).as(exercised.text()).isEqualTo(200);
        return exercised.json().get("securityIds").get(0).asString();
    }

    private static JsonNode problem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo(code);
        return problem;
    }

    /** Money in JSON is {"amount": "1600", "currency": "USD"}: compared as numbers, to the cent and beyond. */
    private static void assertMoney(JsonNode money, String expected) {
        assertThat(money.get("currency").asString()).isEqualTo("USD");
        assertThat(new BigDecimal(money.get("amount").asString())).isEqualByComparingTo(expected);
    }

    /** The PDF's text as PDFBox reads it, every run of white space as one space. */
    static String pdfText(byte[] pdf) {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a rendering in target/ to look at (the franchise tax example is the README's and the docs' image). */
    private static void writeForLookingAt(String name, byte[] body) {
        try {
            Files.createDirectories(RENDERINGS);
            Files.write(RENDERINGS.resolve(name), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> csvRows(String text) {
        assertThat(text).contains("\r\n");
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
