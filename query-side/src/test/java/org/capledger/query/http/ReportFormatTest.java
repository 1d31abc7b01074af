package org.capledger.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportFormatTest {

    private static final Set<ReportFormat> ALL = EnumSet.allOf(ReportFormat.class);
    private static final Set<ReportFormat> JSON_PDF = EnumSet.of(ReportFormat.JSON, ReportFormat.PDF);

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json | JSON",
            "text/csv | CSV",
            "application/pdf | PDF",
            "*/* | JSON",
            "text/* | CSV",
            "application/* | JSON",
            "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8 | JSON",
            "application/pdf;q=0.9, text/csv | CSV",
            "*/*, text/csv | CSV",
            "text/csv;charset=UTF-8;header=present | CSV",
            "application/json;q=0, */* | CSV"})
    void acceptPicksTheBestOfferedFormat(String accept, ReportFormat expected) {
        assertThat(ReportFormat.choose(null, accept, ALL)).isEqualTo(expected);
    }

    @Test
    void withoutFormatOrAcceptTheAnswerIsJson() {
        assertThat(ReportFormat.choose(null, null, ALL)).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.choose(null, " ", JSON_PDF)).isEqualTo(ReportFormat.JSON);
    }

    @Test
    void theFormatParameterWinsOverAccept() {
        assertThat(ReportFormat.choose("csv", "application/json", ALL)).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.choose(" PDF ", "text/csv", ALL)).isEqualTo(ReportFormat.PDF);
    }

    @Test
    void aFormatNotOfferedIsNotAcceptable() {
        assertRefused(() -> ReportFormat.choose("csv", null, JSON_PDF), ErrorCode.NOT_ACCEPTABLE);
        assertRefused(() -> ReportFormat.choose(null, "text/csv", JSON_PDF), ErrorCode.NOT_ACCEPTABLE);
        assertRefused(() -> ReportFormat.choose(null, "image/png", ALL), ErrorCode.NOT_ACCEPTABLE);
        assertRefused(() -> ReportFormat.choose(null, "text/csv;q=0", ALL), ErrorCode.NOT_ACCEPTABLE);
        assertRefused(() -> ReportFormat.choose(null, "not a media type", ALL), ErrorCode.NOT_ACCEPTABLE);
    }

    @Test
    void anUnknownFormatIsAnInvalidParameter() {
        assertRefused(() -> ReportFormat.choose("xlsx", null, ALL), ErrorCode.INVALID_PARAMETER);
    }

    private static void assertRefused(Runnable choice, ErrorCode code) {
        assertThatThrownBy(choice::run).isInstanceOfSatisfying(CapledgerException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
