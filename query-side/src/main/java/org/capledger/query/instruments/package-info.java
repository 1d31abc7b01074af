/** Read model of warrants and convertibles ({@code instrument_view}). */
package org.capledger.query.instruments;
