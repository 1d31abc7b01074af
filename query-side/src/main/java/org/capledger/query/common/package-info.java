/** Pieces shared by several read models. */
package org.capledger.query.common;
