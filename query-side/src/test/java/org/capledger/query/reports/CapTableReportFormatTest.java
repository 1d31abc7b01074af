package org.capledger.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** How a request picks the cap table report's format: the format parameter first, then Accept, then CSV. */
class CapTableReportFormatTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theFormatParameterWinsOverAccept() {
        assertThat(CapTableReportFormat.negotiate("xlsx", "text/csv")).isEqualTo(CapTableReportFormat.XLSX);
        assertThat(CapTableReportFormat.negotiate("CSV", XLSX)).isEqualTo(CapTableReportFormat.CSV);
        assertThat(CapTableReportFormat.negotiate("xlsx", "image/png")).isEqualTo(CapTableReportFormat.XLSX);
        assertThat(CapTableReportFormat.negotiate("pdf", null)).isEqualTo(CapTableReportFormat.PDF);
    }

    @Test
    void acceptPicksTheSupportedTypeOfHighestQuality() {
        assertThat(CapTableReportFormat.negotiate(null, XLSX)).isEqualTo(CapTableReportFormat.XLSX);
        assertThat(CapTableReportFormat.negotiate(null, "text/csv;q=0.5, " + XLSX + ";q=0.9"))
                .isEqualTo(CapTableReportFormat.XLSX);
        assertThat(CapTableReportFormat.negotiate(null, "application/json, text/*"))
                .isEqualTo(CapTableReportFormat.CSV);
        assertThat(CapTableReportFormat.negotiate(null, "application/*")).isEqualTo(CapTableReportFormat.XLSX);
        assertThat(CapTableReportFormat.negotiate(null, "application/pdf")).isEqualTo(CapTableReportFormat.PDF);
        assertThat(CapTableReportFormat.negotiate(null, "text/csv;q=0.2, application/pdf;q=0.8"))
                .isEqualTo(CapTableReportFormat.PDF);
    }

    @Test
    void withoutAPreferenceTheReportIsCsv() {
        assertThat(CapTableReportFormat.negotiate(null, null)).isEqualTo(CapTableReportFormat.CSV);
        assertThat(CapTableReportFormat.negotiate(null, "*/*")).isEqualTo(CapTableReportFormat.CSV);
        assertThat(CapTableReportFormat.negotiate(null, " ")).isEqualTo(CapTableReportFormat.CSV);
    }

    @Test
    void anUnknownFormatIsABadParameterAndAnUnmetAcceptIsNotAcceptable() {
        assertThatThrownBy(() -> CapTableReportFormat.negotiate("docx", null))
                .isInstanceOfSatisfying(CapledgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThatThrownBy(() -> CapTableReportFormat.negotiate(null, "image/png, application/json"))
                .isInstanceOfSatisfying(CapledgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ACCEPTABLE));
        assertThatThrownBy(() -> CapTableReportFormat.negotiate(null, "not a media type"))
                .isInstanceOfSatisfying(CapledgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }
}
