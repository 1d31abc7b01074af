package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.api.value.StakeholderType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command whose database transaction has not committed must not lend its state to another transaction through the
 * CapTable cache: here the first transaction records a stakeholder and then rolls back, while a second records
 * another. The issuer's history must hold the second only, with no hole in its sequence numbers.
 */
class CapTableCacheConsistencyTest extends EndToEndTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aTransactionThatRollsBackLendsNothingToAnother() throws Exception {
        String issuerId = createIssuer("Cache Consistency Ltd", "2020-01-01").json().get("issuerId").asString();
        long before = events(issuerId);
        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            register(issuerId, "first");
            sent.countDown();
            await(release);
            tx.setRollbackOnly();
        }));
        assertThat(sent.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                tx -> register(issuerId, "second")));
        Thread.sleep(500); // the second waits on the first's uncommitted events, or (without the check) runs ahead
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        try {
            second.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // a conflict the executor would retry: send it again, now that the first is gone
            transactions.executeWithoutResult(tx -> register(issuerId, "second"));
        }

        List<Long> sequence = jdbc.queryForList("SELECT sequencenumber FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", Long.class, issuerId);
        assertThat(sequence).hasSize((int) before + 1);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).as("no hole in the issuer's history").isEqualTo(i);
        }
        assertThat(jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber DESC LIMIT 1", String.class, issuerId).get(0))
                .endsWith("StakeholderRegistered");
        // and the issuer goes on: a third command lands right after
        transactions.executeWithoutResult(tx -> register(issuerId, "third"));
        assertThat(events(issuerId)).isEqualTo(before + 2);
    }

    private void register(String issuerId, String stakeholder) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterStakeholder(IssuerId.of(issuerId),
                StakeholderId.of(stakeholder + "-" + issuerId), LocalDate.of(2020, 2, 1),
                StakeholderType.INDIVIDUAL, new StakeholderName(stakeholder, null, null), null,
                StakeholderRelationship.OTHER, null, null)).andMetaData(Map.of(MetaDataKeys.ACTOR, "test",
                MetaDataKeys.PLATFORM_ADMIN, true)));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
