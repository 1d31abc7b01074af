package org.capledger.command.captable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Quantity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A cached CapTable goes when the database transaction around its commands rolls back, and stays when it commits. */
class CapTableCacheEvictionTest {

    private final Cache cache = new WeakReferenceCache();
    private final CapTableCacheEviction eviction = new CapTableCacheEviction(cache, SimpleCommandBus.builder().build());
    private final Object alpha = new Object();
    private final Object beta = new Object();

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void theIssuersCommandsTouchedAreEvictedWhenTheTransactionRollsBack() throws Exception {
        cache.put("alpha", alpha);
        cache.put("beta", beta);
        List<TransactionSynchronization> synchronizations = inTransaction("alpha", "alpha");
        assertThat(synchronizations).hasSize(1);
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat((Object) cache.get("alpha")).isNull();
        assertThat((Object) cache.get("beta")).isSameAs(beta);
    }

    @Test
    void aCommittedTransactionKeepsTheCache() throws Exception {
        cache.put("alpha", alpha);
        inTransaction("alpha").forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat((Object) cache.get("alpha")).isSameAs(alpha);
    }

    /** Handles a command on each issuer in one transaction; @return the synchronizations registered */
    private List<TransactionSynchronization> inTransaction(String... issuers) throws Exception {
        TransactionSynchronizationManager.initSynchronization();
        for (String issuer : issuers) {
            AdjustIssuerAuthorizedShares command = new AdjustIssuerAuthorizedShares(IssuerId.of(issuer),
                    LocalDate.of(2021, 1, 1), Quantity.of(10), null, null, null);
            DefaultUnitOfWork<CommandMessage<?>> unitOfWork =
                    DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
            unitOfWork.executeWithResult(() -> eviction.handle(unitOfWork, () -> null));
        }
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        return synchronizations;
    }
}
