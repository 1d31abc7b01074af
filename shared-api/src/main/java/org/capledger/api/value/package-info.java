/**
 * Typed identifiers and exact value types. Quantities and money are {@link java.math.BigDecimal} with at most
 * ten decimal places (OCF {@code Numeric}); their JSON form is a string, so no precision is lost in transit.
 */
package org.capledger.api.value;
