package org.capledger.command.captable;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.access.MemberInvited;
import org.capledger.api.value.IssuerId;
import org.springframework.stereotype.Component;

/**
 * Who may do what on an issuer, read from its aggregate, for the few requests the command side answers without
 * a command (the list of open invitations, whose emails live beside the accounts). Loads the aggregate as a
 * command would, in a unit of work that is rolled back, so nothing is ever written.
 */
@Component
public class IssuerAccessReader {

    /**
     * @param role               the account's role, empty for none
     * @param pendingInvitations invitations neither accepted nor revoked
     */
    public record IssuerAccessView(Optional<IssuerRole> role, List<MemberInvited> pendingInvitations) {
    }

    private final Configuration axon;

    IssuerAccessReader(Configuration axon) {
        this.axon = axon;
    }

    /** @throws CapledgerException ISSUER_NOT_FOUND when the issuer does not exist */
    public IssuerAccessView read(IssuerId issuerId, String accountId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return axon.repository(CapTable.class).load(issuerId.value())
                    .invoke(capTable -> new IssuerAccessView(capTable.roleOf(accountId),
                            capTable.pendingInvitations()));
        } catch (AggregateNotFoundException e) {
            throw new CapledgerException(ErrorCode.ISSUER_NOT_FOUND, "No such issuer");
        } finally {
            unitOfWork.rollback();
        }
    }
}
