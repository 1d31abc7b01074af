/** Stakeholder commands and events (OCF 1.2 {@code objects/Stakeholder}). */
package org.capledger.api.stakeholder;
