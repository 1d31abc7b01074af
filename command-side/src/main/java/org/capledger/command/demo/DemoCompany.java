package org.capledger.command.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.capledger.api.certificate.CertificateOfficer;
import org.capledger.api.certificate.Legend;
import org.capledger.api.certificate.LegendTemplate;
import org.capledger.api.certificate.SetCertificateOfficers;
import org.capledger.api.certificate.SetStockClassLegends;
import org.capledger.api.CapTableCommand;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.capledger.api.value.StockClassId;
import org.capledger.api.value.StockClassType;

/**
 * Halvorsen Tidal Systems, Inc., the larger company of {@code docs/walkthrough.sh}: three classes, twelve
 * stakeholders, four years, authorized-share changes, and paperwork recorded late with earlier effective dates.
 * Ids are fixed ({@code demo-...}) so loading is recognisable and happens once.
 */
public final class DemoCompany {

    public static final IssuerId ISSUER = IssuerId.of("demo-halvorsen-tidal-systems");

    private static final StockClassId COMMON = StockClassId.of("demo-common");
    private static final StockClassId SEED = StockClassId.of("demo-series-seed");
    private static final StockClassId SERIES_A = StockClassId.of("demo-series-a");

    private final List<CapTableCommand> commands = new ArrayList<>();

    private DemoCompany() {
    }

    /** @return the commands, in recording order */
    public static List<CapTableCommand> commands() {
        DemoCompany demo = new DemoCompany();
        demo.record();
        return List.copyOf(demo.commands);
    }

    private void record() {
        commands.add(new CreateIssuer(ISSUER, "Halvorsen Tidal Systems, Inc.", day("2019-02-11"), "US", "DE", null,
                Quantity.of(12_000_000)));

        // 2019: incorporation, founders, first employee
        stockClass(COMMON, "2019-02-11", "Common Stock", StockClassType.COMMON, "CS-", 1, 10_000_000);
        stakeholder("ada", "2019-02-11", StakeholderType.INDIVIDUAL, "Ada Okafor", StakeholderRelationship.FOUNDER,
                "ada@halvorsen.example");
        stakeholder("marek", "2019-02-11", StakeholderType.INDIVIDUAL, "Marek Novak", StakeholderRelationship.FOUNDER,
                "marek@halvorsen.example");
        stakeholder("priya", "2019-02-11", StakeholderType.INDIVIDUAL, "Priya Raman", StakeholderRelationship.FOUNDER,
                "priya@halvorsen.example");
        issue("ada-cs", "2019-02-15", "ada", COMMON, 4_000_000, "0.0001", "Cash and assignment of technology");
        issue("marek-cs", "2019-02-15", "marek", COMMON, 3_000_000, "0.0001", "Cash and assignment of technology");
        stakeholder("lucas", "2019-09-01", StakeholderType.INDIVIDUAL, "Lucas Ferreira",
                StakeholderRelationship.EMPLOYEE, "lucas@halvorsen.example");
        issue("lucas-cs", "2019-09-01", "lucas", COMMON, 200_000, "0.05", null);

        // 2020-2021: Seed round, then the Seed authorization is cut back
        stockClass(SEED, "2020-06-15", "Series Seed Preferred", StockClassType.PREFERRED, "SS-", 2, 1_500_000);
        stakeholder("lighthouse", "2020-06-15", StakeholderType.INSTITUTION, "Lighthouse Seed Fund I, L.P.",
                StakeholderRelationship.INVESTOR, null);
        stakeholder("kestrel", "2020-06-15", StakeholderType.INSTITUTION, "Kestrel Angels LLC",
                StakeholderRelationship.INVESTOR, null);
        issue("lighthouse-ss", "2020-06-30", "lighthouse", SEED, 800_000, "1.25", "Cash");
        issue("kestrel-ss", "2020-06-30", "kestrel", SEED, 200_000, "1.25", "Cash");
        commands.add(new AdjustStockClassAuthorizedShares(ISSUER, SEED, day("2021-03-01"), Quantity.of(1_200_000),
                day("2021-02-20"), day("2021-02-26"), "Charter amendment after the final Seed closing"));
        stakeholder("hana", "2021-04-01", StakeholderType.INDIVIDUAL, "Hana Sato", StakeholderRelationship.EMPLOYEE,
                "hana@halvorsen.example");
        issue("hana-cs", "2021-04-01", "hana", COMMON, 150_000, "0.20", null);
        commands.add(new UpdateStakeholder(ISSUER, holder("lucas"), day("2022-01-10"), null, null, false,
                StakeholderRelationship.EXECUTIVE, null, false, null, false));

        // 2022-2023: Series A
        commands.add(new AdjustIssuerAuthorizedShares(ISSUER, day("2022-09-01"), Quantity.of(16_000_000),
                day("2022-08-20"), day("2022-08-25"), "Amended and restated charter for the Series A"));
        stockClass(SERIES_A, "2022-09-01", "Series A Preferred", StockClassType.PREFERRED, "SA-", 3, 3_000_000);
        stakeholder("meridian", "2022-09-01", StakeholderType.INSTITUTION, "Meridian Ventures III, L.P.",
                StakeholderRelationship.INVESTOR, null);
        stakeholder("northbank", "2022-09-01", StakeholderType.INSTITUTION, "Northbank Growth Partners LLC",
                StakeholderRelationship.INVESTOR, null);
        issue("meridian-sa", "2022-09-15", "meridian", SERIES_A, 1_600_000, "2.50", "Cash");
        issue("northbank-sa", "2022-09-15", "northbank", SERIES_A, 800_000, "2.50", "Cash");
        issue("lighthouse-sa", "2022-09-15", "lighthouse", SERIES_A, 200_000, "2.50", "Cash (pro-rata right)");
        stakeholder("tomas", "2023-02-01", StakeholderType.INDIVIDUAL, "Tomás Ruiz", StakeholderRelationship.EMPLOYEE,
                "tomas@halvorsen.example");
        issue("tomas-cs", "2023-02-01", "tomas", COMMON, 100_000, "0.45", null);

        // paperwork found later: recorded after everything above, effective earlier
        stakeholder("elena", "2020-07-01", StakeholderType.INDIVIDUAL, "Elena Petrova",
                StakeholderRelationship.INVESTOR, null);
        issue("elena-ss", "2020-07-15", "elena", SEED, 200_000, "1.25", "Cash");
        issue("priya-cs", "2019-02-15", "priya", COMMON, 1_000_000, "0.0001", "Cash and assignment of technology");
        stakeholder("grace", "2021-10-01", StakeholderType.INDIVIDUAL, "Dr. Grace Whitfield",
                StakeholderRelationship.ADVISOR, "grace@whitfield.example");
        issue("grace-cs", "2021-10-01", "grace", COMMON, 50_000, "0.20", null);

        // what its certificates print: two officers, and the legends of a venture-backed Delaware company
        commands.add(new SetCertificateOfficers(ISSUER, day("2019-02-11"), List.of(
                new CertificateOfficer("Ada Okafor", "Chief Executive Officer"),
                new CertificateOfficer("Marek Novak", "Secretary"))));
        commands.add(new SetStockClassLegends(ISSUER, COMMON, day("2019-02-11"), List.of(
                new Legend(LegendTemplate.SECURITIES_ACT_1933, null),
                new Legend(LegendTemplate.TRANSFER_RESTRICTIONS, null))));
        for (StockClassId preferred : List.of(SEED, SERIES_A)) {
            commands.add(new SetStockClassLegends(ISSUER, preferred, preferred == SEED ? day("2020-06-15")
                    : day("2022-09-01"), List.of(new Legend(LegendTemplate.SECURITIES_ACT_1933, null),
                    new Legend(LegendTemplate.CLASS_RIGHTS_STATEMENT, null))));
        }
    }

    private void stockClass(StockClassId id, String date, String name, StockClassType type, String prefix,
                            int votesPerShare, long authorized) {
        commands.add(new CreateStockClass(ISSUER, id, day(date), name, type, prefix, Money.of("0.0001", "USD"),
                Quantity.of(votesPerShare), 1 + (int) commands.stream().filter(CreateStockClass.class::isInstance)
                .count(), Quantity.of(authorized), false, null));
    }

    private void stakeholder(String key, String date, StakeholderType type, String name,
                             StakeholderRelationship relationship, String email) {
        commands.add(new RegisterStakeholder(ISSUER, holder(key), day(date), type,
                new StakeholderName(name, null, null), email, relationship, null, null));
    }

    private void issue(String key, String date, String holder, StockClassId stockClass, long quantity,
                       String price, String consideration) {
        commands.add(new IssueStock(ISSUER, SecurityId.of("demo-" + key), day(date), holder(holder), stockClass,
                Quantity.of(quantity), Money.of(price, "USD"), consideration));
    }

    private static StakeholderId holder(String key) {
        return StakeholderId.of("demo-" + key);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
