package org.capledger.api.access;

import org.capledger.api.IssuerEvent;

/** A change of who may access an issuer. */
public interface IssuerAccessEvent extends IssuerEvent {

    /** @return the account the change is about */
    String accountId();
}
