package org.capledger.api.certificate;

/**
 * One legend printed on certificates: either a {@link LegendTemplate} or free text. In a command exactly one of
 * the two is given; in an event {@code text} is always the full text printed (a template's text at the time) and
 * {@code template} names the template it came from, or is null for custom text.
 *
 * @param template a standard legend, or null
 * @param text     the legend's text, at most 4,000 characters, or null when {@code template} is given (commands)
 */
public record Legend(LegendTemplate template, String text) {
}
