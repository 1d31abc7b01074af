/** Who may read which issuer: the membership read model and the guard every query goes through. */
package org.capledger.query.members;
