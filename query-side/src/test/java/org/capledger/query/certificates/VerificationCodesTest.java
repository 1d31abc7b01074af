package org.capledger.query.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VerificationCodesTest {

    private final VerificationCodes codes = new VerificationCodes(new byte[32]);

    @Test
    void aCertificateAlwaysGetsTheSameCodeAndOthersDiffer() {
        String code = codes.code("acme", "cs-1");
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(new VerificationCodes(new byte[32]).code("acme", "cs-1")).isEqualTo(code);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(codes.code("acme", "cs-" + i));
        }
        assertThat(seen).hasSize(1000);
        assertThat(codes.code("other", "cs-1")).isNotEqualTo(code);
    }

    @Test
    void anotherKeyGivesOtherCodes() {
        byte[] key = new byte[32];
        key[0] = 1;
        assertThat(new VerificationCodes(key).code("acme", "cs-1")).isNotEqualTo(codes.code("acme", "cs-1"));
        assertThatThrownBy(() -> new VerificationCodes(new byte[16])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void typedCodesAreNormalizedTheCrockfordWay() {
        assertThat(VerificationCodes.normalize("7kq2 m9xa pl3d w8rt")).isEqualTo("7KQ2-M9XA-P13D-W8RT");
        assertThat(VerificationCodes.normalize("OOOO-IIII-LLLL-0000")).isEqualTo("0000-1111-1111-0000");
        assertThat(VerificationCodes.normalize("7KQ2-M9XA-PL3D")).isNull();
        assertThat(VerificationCodes.normalize("UUUU-UUUU-UUUU-UUUU")).isNull();
        assertThat(VerificationCodes.normalize(null)).isNull();
    }
}
