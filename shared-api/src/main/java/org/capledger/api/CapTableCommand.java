package org.capledger.api;

import org.capledger.api.value.IssuerId;

/** A command on one issuer's CapTable aggregate; the issuer id is the aggregate's identifier. */
public interface CapTableCommand {

    IssuerId issuerId();
}
