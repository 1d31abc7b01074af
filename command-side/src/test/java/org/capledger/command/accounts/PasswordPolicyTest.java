package org.capledger.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "ada.lovelace@example.com";
    /** Four unrelated words: long enough, and on no list. */
    private static final String PASSPHRASE = "gravel tundra mosaic fennel";

    /** Loading the list once keeps the class fast; the policy is immutable, so sharing it is safe. */
    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @Test
    void acceptsARandomPassphrase() {
        assertThatCode(() -> POLICY.check(EMAIL, PASSPHRASE)).doesNotThrowAnyException();
    }

    @Nested
    class Length {

        @Test
        void refusesElevenCharacters() {
            assertRefused("kx7#pq2!vz9", "min-length");
        }

        @Test
        void acceptsTwelveCharacters() {
            assertAccepted("kx7#pq2!vz9w");
        }

        @Test
        void acceptsTwoHundredFiftySixCharacters() {
            assertAccepted("kx7#pq2!vz9w".repeat(21) + "abcd");
        }

        @Test
        void refusesTwoHundredFiftySevenCharacters() {
            assertRefused("kx7#pq2!vz9w".repeat(21) + "abcde", "max-length");
        }

        @Test
        void countsCodePointsNotUtf16Units() {
            String eleven = "\uD83E\uDD8A".repeat(11); // 11 foxes, 22 chars in UTF-16
            assertRefused(eleven, "min-length");
            assertAccepted(eleven + "\uD83E\uDD8A");
        }

        @Test
        void countsAfterNfkcWhichMergesCombiningAccents() {
            // "e" + COMBINING ACUTE ACCENT becomes one "é": 12 code points typed, 11 after normalization
            String combining = "caf" + "e\u0301" + "-ledger";
            assertThat(combining.codePointCount(0, combining.length())).isEqualTo(12);
            assertRefused(combining, "min-length");
        }

        @Test
        void countsAfterNfkcWhichSplitsLigatures() {
            // LATIN SMALL LIGATURE FI becomes "fi": 11 code points typed, 12 after normalization
            String ligature = "\uFB01sh-tank-x9";
            assertThat(ligature.codePointCount(0, ligature.length())).isEqualTo(11);
            assertAccepted(ligature);
        }
    }

    @Nested
    class Email {

        @ParameterizedTest
        @ValueSource(strings = {"ada.lovelace@example.com", "Ada.Lovelace@Example.COM", "ADA.LOVELACE@EXAMPLE.COM"})
        void refusesTheEmailInAnyCase(String password) {
            assertRefused(password, "email");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ada.lovelace", "Ada.Lovelace", "ADA.LOVELACE"})
        void refusesTheLocalPartInAnyCase(String password) {
            assertRefused(password, "email");
        }

        @Test
        void refusesTheEmailWhenTheAccountHoldsItInUpperCase() {
            assertRefused(EMAIL, "ADA.LOVELACE@EXAMPLE.COM", "email");
        }

        @Test
        void acceptsAPasswordThatOnlyContainsTheLocalPart() {
            assertAccepted("ada.lovelace-rides-north");
        }
    }

    @Nested
    class CommonPasswords {

        @Test
        void listHasOverTenThousandEntries() {
            assertThat(PasswordPolicy.zxcvbnCommonPasswords()).hasSizeGreaterThanOrEqualTo(10_000)
                    .contains("password", "123456", "qwerty123456", "1qaz2wsx3edc", "qazwsxedcrfv");
            assertThat(POLICY.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
        }

        @ParameterizedTest
        @ValueSource(strings = {"qwerty123456", "QWERTY123456", "Qwerty123456", "1qaz2wsx3edc", "1QAZ2WSX3EDC",
                "123qweasdzxc", "QazWsxEdcRfv"})
        void refusesListedPasswordsInAnyCase(String password) {
            assertRefused(password, "common");
        }

        @Test
        void refusesAListedPasswordTypedInFullWidthCharacters() {
            assertRefused("\uFF51\uFF57\uFF45\uFF52\uFF54\uFF59\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16", "common");
        }

        @Test
        void comparesCaseInsensitivelyWhateverTheDefaultLocale() {
            Locale before = Locale.getDefault();
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            try {
                // in Turkish, "I".toLowerCase() is a dotless "ı", which would miss the listed "qwertyuiop12"
                PasswordPolicy policy = new PasswordPolicy(List.of("qwertyuiop12"));
                CapledgerException refusal = catchThrowableOfType(CapledgerException.class,
                        () -> policy.check(EMAIL, "QWERTYUIOP12"));
                assertThat(refusal).isNotNull();
                assertThat(refusal.properties()).containsEntry("rule", "common");
            } finally {
                Locale.setDefault(before);
            }
        }
    }

    private static void assertAccepted(String password) {
        assertThatCode(() -> POLICY.check(EMAIL, password)).doesNotThrowAnyException();
    }

    private static void assertRefused(String password, String rule) {
        assertRefused(EMAIL, password, rule);
    }

    private static void assertRefused(String email, String password, String rule) {
        CapledgerException refusal = catchThrowableOfType(CapledgerException.class,
                () -> POLICY.check(email, password));
        assertThat(refusal).as("refusal of a password breaking rule %s", rule).isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.WEAK_PASSWORD);
        assertThat(refusal.properties()).containsEntry("rule", rule);
        assertThat(refusal.getMessage()).isNotBlank()
                .doesNotContainIgnoringCase(password)
                .doesNotContainIgnoringCase(Normalizer.normalize(password, Normalizer.Form.NFKC));
    }
}
