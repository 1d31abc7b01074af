package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.capledger.query.common.Labels;
import org.junit.jupiter.api.Test;

/** The number the read models sort labels by, also for labels an OCF import brings (any {@code custom_id}). */
class LabelsTest {

    @Test
    void theTrailingNumberSortsLabelsAndLongOrMissingNumbersDoNotBreakTheProjections() {
        assertThat(Labels.number("CS-10")).isEqualTo(10);
        assertThat(Labels.number("OPT-007")).isEqualTo(7);
        assertThat(Labels.number("Founder certificate")).isZero();
        assertThat(Labels.number("CERT-123456789012345678901234")).isEqualTo(Long.MAX_VALUE);
        assertThat(Labels.number("CS-٣")).isZero();
    }
}
