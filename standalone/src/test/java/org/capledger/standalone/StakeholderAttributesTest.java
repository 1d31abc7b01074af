package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A stakeholder's postal address (OCF Address) and accredited-investor attribute (Regulation D Rule 501(a)) over
 * REST: registered, updated, cleared, read back, refused when malformed, and exported to OCF (the round trip after
 * the class imports them back).
 */
class StakeholderAttributesTest extends EndToEndTest {

    @Test
    void anAddressAndAccreditationAreRegisteredUpdatedAndReadBack() {
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Addresses Ltd", "formationDate": "2020-01-01", "countryOfFormation": "GB"}""")
                .json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        Api.Response registered = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ana Alves"},
                 "relationship": "INVESTOR", "accreditedInvestor": true,
                 "address": {"addressType": "LEGAL", "streetSuite": "1 Poultry\\nFloor 3", "city": "London",
                             "countrySubdivision": "ENG", "country": "GB", "postalCode": "EC2R 8EJ"}}""");
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String ana = registered.id();

        JsonNode read = api.read(base + "/stakeholders/" + ana, registered).json();
        assertThat(read.get("accreditedInvestor").asBoolean()).isTrue();
        assertThat(read.get("address").get("addressType").asString()).isEqualTo("LEGAL");
        assertThat(read.get("address").get("streetSuite").asString()).isEqualTo("1 Poultry\nFloor 3");
        assertThat(read.get("address").get("city").asString()).isEqualTo("London");
        assertThat(read.get("address").get("countrySubdivision").asString()).isEqualTo("ENG");
        assertThat(read.get("address").get("country").asString()).isEqualTo("GB");
        assertThat(read.get("address").get("postalCode").asString()).isEqualTo("EC2R 8EJ");

        // She moves to Paris: the address is replaced whole; the accreditation omitted is kept.
        Api.Response moved = api.patch(base + "/stakeholders/" + ana, """
                {"date": "2022-05-01", "address": {"addressType": "LEGAL", "streetSuite": "5 rue de Rivoli",
                 "city": "Paris", "country": "FR", "postalCode": "75001"}}""");
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        JsonNode afterMove = api.read(base + "/stakeholders/" + ana, moved).json();
        assertThat(afterMove.get("address").get("city").asString()).isEqualTo("Paris");
        assertThat(afterMove.get("address").get("countrySubdivision").isNull()).isTrue();
        assertThat(afterMove.get("accreditedInvestor").asBoolean()).isTrue();
        assertThat(afterMove.get("updatedOn").asString()).isEqualTo("2022-05-01");

        // The OCF export carries the address, and the accreditation as a capledger: comment.
        Map<String, byte[]> files = exportOk(issuerId, moved);
        JsonNode stakeholder = OcfExports.items(files, "Stakeholders.ocf.json").get(0);
        assertThat(stakeholder.get("addresses")).hasSize(1);
        assertThat(stakeholder.get("addresses").get(0).get("address_type").asString()).isEqualTo("LEGAL");
        assertThat(stakeholder.get("addresses").get(0).get("city").asString()).isEqualTo("Paris");
        assertThat(stakeholder.get("addresses").get(0).get("postal_code").asString()).isEqualTo("75001");
        assertThat(Api.strings(stakeholder.get("comments"))).containsExactly("capledger:accreditedInvestor=true");

        // The accreditation turns out not to hold, then becomes unknown; the address is removed.
        Api.Response notAccredited = api.patch(base + "/stakeholders/" + ana, """
                {"date": "2023-01-01", "accreditedInvestor": false}""");
        assertThat(api.read(base + "/stakeholders/" + ana, notAccredited).json().get("accreditedInvestor")
                .asBoolean()).isFalse();
        Api.Response cleared = api.patch(base + "/stakeholders/" + ana, """
                {"date": "2023-06-01", "clearAddress": true, "clearAccreditedInvestor": true}""");
        assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
        JsonNode afterClear = api.read(base + "/stakeholders?size=10", cleared).json().get("items").get(0);
        assertThat(afterClear.get("address").isNull()).isTrue();
        assertThat(afterClear.get("accreditedInvestor").isNull()).isTrue();

        // Registered again, now an institution with only a contact address, which the next export carries too.
        Api.Response fund = api.command(base + "/stakeholders", """
                {"date": "2021-01-01", "type": "INSTITUTION", "name": {"legalName": "Fund LP"},
                 "relationship": "INVESTOR", "accreditedInvestor": false,
                 "address": {"addressType": "CONTACT", "country": "US", "countrySubdivision": "DE"}}""");
        assertThat(fund.status()).as(fund.text()).isEqualTo(201);
        JsonNode exported = OcfExports.items(exportOk(issuerId, fund), "Stakeholders.ocf.json");
        JsonNode fundLp = exported.get(0).get("name").get("legal_name").asString().equals("Fund LP")
                ? exported.get(0) : exported.get(1);
        assertThat(fundLp.get("addresses").get(0).get("address_type").asString()).isEqualTo("CONTACT");
        assertThat(Api.strings(fundLp.get("comments"))).containsExactly("capledger:accreditedInvestor=false");
    }

    @Test
    void anAddressBreakingOcfsRulesIsRefusedAndRecordsNothing() {
        String issuerId = createIssuer("Bad Addresses Inc.", "2020-01-01").json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        long before = events(issuerId);

        Api.Response notIso = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ana Alves"},
                 "relationship": "INVESTOR", "address": {"addressType": "LEGAL", "country": "UK"}}""");
        Api.Response noType = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ana Alves"},
                 "relationship": "INVESTOR", "address": {"country": "GB"}}""");
        Api.Response unknownType = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ana Alves"},
                 "relationship": "INVESTOR", "address": {"addressType": "HOME", "country": "GB"}}""");

        assertThat(notIso.status()).as(notIso.text()).isEqualTo(422);
        assertThat(notIso.json().get("code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(notIso.json().get("detail").asString()).contains("ISO 3166-1 alpha-2");
        assertThat(noType.status()).as(noType.text()).isEqualTo(422);
        assertThat(noType.json().get("code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(unknownType.status()).as(unknownType.text()).isEqualTo(400);
        assertThat(events(issuerId)).isEqualTo(before);
    }

    private Map<String, byte[]> exportOk(String issuerId, Api.Response after) {
        HttpResponse<byte[]> response = OcfExports.export(port, api.token(), issuerId, null, after.position());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        OcfExports.assertValid(response.body());
        return OcfExports.unzip(response.body());
    }
}
