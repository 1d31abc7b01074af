package org.capledger.query.compliance;

/**
 * One named figure of a {@link Step}: an input the step used or a result it produced.
 *
 * @param name  what the figure is, such as {@code "assumed par"} or {@code "authorized shares"}
 * @param value the exact value as text: a plain decimal (no exponent, no grouping; money to the cent at least),
 *              an ISO 8601 date, or a word ({@code "yes"}, {@code "no"}, a class name)
 * @param unit  {@code "USD"}, {@code "USD per share"}, {@code "shares"}, {@code "securities"}, {@code "days"},
 *              {@code "persons"}, {@code "percent"}, or {@code null} when the value has none
 */
public record Figure(String name, String value, String unit) {
}
