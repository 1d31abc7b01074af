package org.capledger.command.ocf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How an OCF stakeholder's {@code addresses} and Capledger's accreditation comment are read. */
class OcfStakeholderAttributesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theFirstLegalAddressWinsOverAnEarlierContactOne() {
        JsonNode stakeholder = JSON.readTree("""
                {"addresses": [
                  {"address_type": "OTHER", "country": "FR"},
                  {"address_type": "CONTACT", "city": "Leeds", "country": "GB"},
                  {"address_type": "LEGAL", "street_suite": "1 Poultry", "city": "London",
                   "country_subdivision": "ENG", "country": "GB", "postal_code": "EC2R 8EJ"},
                  {"address_type": "LEGAL", "city": "Bristol", "country": "GB"}]}""");

        assertThat(OcfTranslator.address(stakeholder.path("addresses"))).isEqualTo(
                new Address(AddressType.LEGAL, "1 Poultry", "London", "ENG", "GB", "EC2R 8EJ"));
    }

    @Test
    void withoutALegalAddressTheContactOneAndThenAnyOtherIsTaken() {
        assertThat(OcfTranslator.address(JSON.readTree("""
                [{"address_type": "OTHER", "country": "FR"}, {"address_type": "CONTACT", "country": "GB"}]""")))
                .isEqualTo(new Address(AddressType.CONTACT, null, null, null, "GB", null));
        assertThat(OcfTranslator.address(JSON.readTree("""
                [{"address_type": "OTHER", "country": "FR"}]""")).addressType()).isEqualTo(AddressType.OTHER);
        assertThat(OcfTranslator.address(JSON.readTree("{}").path("addresses"))).isNull();
    }

    @Test
    void theAccreditationComesFromCapledgersCommentAndIsUnknownWithoutIt() {
        assertThat(OcfTranslator.accredited(JSON.readTree("""
                {"comments": ["met at the fair", "capledger:accreditedInvestor=true"]}"""))).isTrue();
        assertThat(OcfTranslator.accredited(JSON.readTree("""
                {"comments": ["capledger:accreditedInvestor=false"]}"""))).isFalse();
        assertThat(OcfTranslator.accredited(JSON.readTree("{\"comments\": [\"accredited\"]}"))).isNull();
        assertThatThrownBy(() -> OcfTranslator.accredited(JSON.readTree("""
                {"comments": ["capledger:accreditedInvestor=yes"]}""")))
                .isInstanceOf(OcfImportProblems.MappingException.class);
    }
}
