package org.capledger.command.captable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.junit.jupiter.api.Test;

/**
 * Stakeholder events gained {@code address} and {@code accreditedInvestor} in revision 2. Payloads stored as
 * revision 1 (fixtures in {@code src/test/resources/events}, in the exact shape the production serializer wrote
 * them) must still read, with both new fields null, through the serializer production uses and without an
 * upcaster.
 */
class StakeholderEventRevisionsTest {

    /** As in production: {@code axon.serializer.events: jackson3}. */
    private final Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aRevisionOneRegistrationReadsWithNoAddressAndUnknownAccreditation() throws IOException {
        StakeholderRegistered read = serializer.deserialize(stored(StakeholderRegistered.class, "1"));

        assertThat(read).isEqualTo(new StakeholderRegistered(IssuerId.of("acme"), StakeholderId.of("alice"),
                LocalDate.of(2020, 1, 1), StakeholderType.INDIVIDUAL,
                new StakeholderName("Alice Archer", "Alice", "Archer"), "alice@example.com",
                StakeholderRelationship.FOUNDER, null, null));
    }

    @Test
    void aRevisionOneUpdateReadsWithNoAddressAndUnknownAccreditation() throws IOException {
        StakeholderUpdated read = serializer.deserialize(stored(StakeholderUpdated.class, "1"));

        assertThat(read).isEqualTo(new StakeholderUpdated(IssuerId.of("acme"), StakeholderId.of("alice"),
                LocalDate.of(2023, 1, 1), new StakeholderName("Alice Archer-Smith", null, null), null,
                StakeholderRelationship.EXECUTIVE, null, null));
    }

    @Test
    void revisionTwoIsWrittenAndReadBackWithAddressAndAccreditation() {
        StakeholderRegistered event = new StakeholderRegistered(IssuerId.of("acme"), StakeholderId.of("alice"),
                LocalDate.of(2020, 1, 1), StakeholderType.INDIVIDUAL, new StakeholderName("Alice Archer", null, null),
                null, StakeholderRelationship.INVESTOR,
                new Address(AddressType.LEGAL, "1 Poultry\nFloor 3", "London", "ENG", "GB", "EC2R 8EJ"), false);

        SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);

        assertThat(written.getType().getRevision()).isEqualTo("2");
        assertThat(new String(written.getData(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"address\":{\"addressType\":\"LEGAL\"", "\"accreditedInvestor\":false");
        assertThat((StakeholderRegistered) serializer.deserialize(written)).isEqualTo(event);
    }

    private static SerializedObject<byte[]> stored(Class<?> type, String revision) throws IOException {
        try (InputStream in = StakeholderEventRevisionsTest.class.getResourceAsStream(
                "/events/" + type.getSimpleName() + "-" + revision + ".json")) {
            return new SimpleSerializedObject<>(in.readAllBytes(), byte[].class, type.getName(), revision);
        }
    }
}
