package org.capledger.command.captable;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.capledger.api.CapTableCommand;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the CapTable cache from outliving a rollback. Axon caches an aggregate when a command's unit of work commits;
 * when that unit of work only joined a larger database transaction (a REST request's several commands, an OCF
 * import), the transaction may still roll back, and the cached CapTable would hold events the store never kept. So
 * every issuer a command touches inside a Spring transaction is evicted from the cache when that transaction ends
 * other than committed.
 */
@Component
class CapTableCacheEviction implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Cache cache;

    CapTableCacheEviction(@Qualifier("capTableCache") Cache cache, CommandBus commandBus) {
        this.cache = cache;
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof CapTableCommand command
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            touched().add(command.issuerId().value());
        }
        return chain.proceed();
    }

    /** The issuers touched in the current transaction, registered for eviction on rollback once per transaction. */
    @SuppressWarnings("unchecked")
    private Set<String> touched() {
        Object key = this;
        Set<String> issuers = (Set<String>) TransactionSynchronizationManager.getResource(key);
        if (issuers == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                    if (status != STATUS_COMMITTED) {
                        fresh.forEach(cache::remove);
                    }
                }
            });
            issuers = fresh;
        }
        return issuers;
    }
}
