/**
 * The contract shared by every Capledger deployable: commands, events, value types and error codes.
 *
 * <p>Nothing here depends on Spring; Axon appears only through its message annotations. Names follow
 * the Open Cap Table Format (OCF 1.2) vocabulary.
 */
package org.capledger.api;
