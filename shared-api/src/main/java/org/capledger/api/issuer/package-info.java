/** Issuer-level commands and events: creating the issuer and adjusting its authorized shares (OCF 1.2 Issuer). */
package org.capledger.api.issuer;
