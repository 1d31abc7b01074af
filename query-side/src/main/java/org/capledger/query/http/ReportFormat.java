package org.capledger.query.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The renderings a report is offered in, and how a request picks one: the {@code format} query parameter
 * ({@code json}, {@code csv}, {@code pdf}) when present, for links and clients that cannot set headers; otherwise
 * the {@code Accept} header (RFC 9110 §12.5.1: highest quality first, a concrete type before a wildcard); JSON when
 * neither says. A format the report does not offer, or an {@code Accept} that admits none of its formats, answers
 * 406 NOT_ACCEPTABLE naming the formats offered.
 */
public enum ReportFormat {

    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", new MediaType("text", "csv")),
    PDF("pdf", MediaType.APPLICATION_PDF);

    /** The value of the {@code format} parameter. */
    public final String parameter;
    /** The media type of the rendering. */
    public final MediaType mediaType;

    ReportFormat(String parameter, MediaType mediaType) {
        this.parameter = parameter;
        this.mediaType = mediaType;
    }

    /**
     * @param format  the {@code format} query parameter, or {@code null}
     * @param accept  the {@code Accept} header, or {@code null}
     * @param offered the formats the report offers, JSON among them; with a wildcard the first in enum order wins
     * @throws CapledgerException INVALID_PARAMETER for an unknown {@code format}; NOT_ACCEPTABLE when the one asked
     *                            for is not offered
     */
    public static ReportFormat choose(String format, String accept, Set<ReportFormat> offered) {
        if (format != null) {
            ReportFormat asked = null;
            for (ReportFormat f : values()) {
                if (f.parameter.equals(format.strip().toLowerCase(Locale.ROOT))) {
                    asked = f;
                }
            }
            if (asked == null) {
                String message = "format must be one of " + names(offered);
                throw new CapledgerException(ErrorCode.INVALID_PARAMETER, message, Map.of("errors",
                        List.of(Map.of("field", "format", "message", message))));
            }
            if (!offered.contains(asked)) {
                throw notAcceptable(offered, "this report is not offered as " + asked.parameter);
            }
            return asked;
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw notAcceptable(offered, "the Accept header does not parse");
        }
        // Each format takes the quality of the most specific range that includes it (so "*/*, text/csv;q=0"
        // refuses CSV); the best quality wins, then the more specific range, then the enum order.
        ReportFormat best = null;
        double bestQuality = 0;
        int bestSpecificity = -1;
        for (ReportFormat f : values()) {
            if (!offered.contains(f)) {
                continue;
            }
            MediaType range = null;
            for (MediaType type : acceptable) {
                if (type.includes(f.mediaType) && (range == null || specificity(type) > specificity(range))) {
                    range = type;
                }
            }
            if (range != null && range.getQualityValue() > 0 && (range.getQualityValue() > bestQuality
                    || range.getQualityValue() == bestQuality && specificity(range) > bestSpecificity)) {
                best = f;
                bestQuality = range.getQualityValue();
                bestSpecificity = specificity(range);
            }
        }
        if (best != null) {
            return best;
        }
        throw notAcceptable(offered, "the Accept header admits none of them");
    }

    /** 2 for {@code type/subtype}, 1 for {@code type/*}, 0 for {@code *}{@code /*}. */
    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }

    private static CapledgerException notAcceptable(Set<ReportFormat> offered, String why) {
        return new CapledgerException(ErrorCode.NOT_ACCEPTABLE, "This report is offered as " + names(offered) + " ("
                + offered.stream().sorted().map(f -> f.mediaType.toString()).collect(Collectors.joining(", "))
                + "), chosen by format= or Accept; " + why);
    }

    private static String names(Set<ReportFormat> offered) {
        return offered.stream().sorted().map(f -> f.parameter).collect(Collectors.joining(", "));
    }
}
