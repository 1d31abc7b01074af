/**
 * Share certificates: replacing a lost certificate, the officers who sign certificates, and the legends printed
 * on a stock class's certificates. The certificates themselves are the stock securities (one certificate per
 * security, labelled with the class's prefix, e.g. {@code CS-1}); the query side renders them.
 */
package org.capledger.api.certificate;
