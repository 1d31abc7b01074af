/**
 * Convertibles (OCF 1.2 {@code ConvertibleIssuance} and the transactions on it): SAFEs, convertible notes and other
 * convertible securities, an investment that later converts into stock. Conversion, cancellation, retraction and
 * transfer are terminal and act on the whole convertible.
 */
package org.capledger.api.convertible;
