/**
 * Open Cap Table Format (OCF 1.2) export: an issuer's history as of a date, written as a package of OCF files from
 * its event stream.
 */
package org.capledger.query.ocf;
