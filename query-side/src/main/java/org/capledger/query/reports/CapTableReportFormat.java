package org.capledger.query.reports;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The formats of the cap table report, and how a request picks one: the {@code format} query parameter when given
 * (it wins, for clients that cannot set headers, such as a browser link); otherwise the {@code Accept} header,
 * the supported type with the highest quality (ties go to the order here); no {@code Accept}, or {@code *}{@code /*},
 * gives CSV.
 */
public enum CapTableReportFormat {

    CSV("csv", "text/csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf");

    private final String parameter;
    private final MediaType mediaType;

    CapTableReportFormat(String parameter, String mediaType) {
        this.parameter = parameter;
        this.mediaType = MediaType.parseMediaType(mediaType);
    }

    /** @return the value of the {@code format} parameter, also the file extension */
    public String parameter() {
        return parameter;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /**
     * @param format the {@code format} parameter, or null
     * @param accept the {@code Accept} header, or null
     * @throws CapledgerException INVALID_PARAMETER for an unknown {@code format}; NOT_ACCEPTABLE when the
     *                            {@code Accept} header admits none of the formats
     */
    public static CapTableReportFormat negotiate(String format, String accept) {
        if (format != null) {
            return Stream.of(values()).filter(f -> f.parameter.equals(format.strip().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new CapledgerException(ErrorCode.INVALID_PARAMETER,
                            "format must be one of " + names()));
        }
        if (accept == null || accept.isBlank()) {
            return CSV;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new CapledgerException(ErrorCode.INVALID_PARAMETER, "The Accept header is not a list of media types");
        }
        CapTableReportFormat best = null;
        double bestQuality = 0;
        for (CapTableReportFormat candidate : values()) {
            double quality = 0;
            for (MediaType type : accepted) {
                if (type.includes(candidate.mediaType)) {
                    quality = Math.max(quality, type.getQualityValue());
                }
            }
            if (quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new CapledgerException(ErrorCode.NOT_ACCEPTABLE, "The cap table report is available as "
                    + Stream.of(values()).map(f -> f.mediaType.toString()).collect(Collectors.joining(", "))
                    + " (or choose with format=" + names() + ")");
        }
        return best;
    }

    private static String names() {
        return Stream.of(values()).map(CapTableReportFormat::parameter).collect(Collectors.joining("|"));
    }
}
