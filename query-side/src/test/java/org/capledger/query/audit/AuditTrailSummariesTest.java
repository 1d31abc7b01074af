package org.capledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.capledger.api.IssuerEvent;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StakeholderName;
import org.capledger.api.value.StakeholderRelationship;
import org.capledger.query.grants.GrantViewRepository;
import org.capledger.query.grants.StockPlanViewRepository;
import org.capledger.query.instruments.InstrumentViewRepository;
import org.capledger.query.securities.SecurityViewRepository;
import org.capledger.query.stakeholders.StakeholderViewRepository;
import org.capledger.query.stockclasses.StockClassViewRepository;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The audit trail has a summary of its own for every type of event an issuer's stream can hold: each concrete
 * {@link IssuerEvent} under {@code org.capledger} on the classpath, found by scanning it, so that a new event type
 * without one fails here rather than in a running projection. What the summaries say is tested end to end
 * ({@code AuditTrailTest} in the standalone module).
 */
class AuditTrailSummariesTest {

    private final AuditTrailProjection projection = new AuditTrailProjection(mock(AuditEntryRepository.class),
            mock(StakeholderViewRepository.class), mock(StockClassViewRepository.class),
            mock(SecurityViewRepository.class), mock(StockPlanViewRepository.class), mock(GrantViewRepository.class),
            mock(InstrumentViewRepository.class));

    /** Every concrete, top-level or static nested class under {@code org.capledger} that is an IssuerEvent. */
    private static Set<Class<?>> everyIssuerEventType() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(IssuerEvent.class));
        return scanner.findCandidateComponents("org.capledger").stream()
                .map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), null))
                .collect(Collectors.toSet());
    }

    @Test
    void everyTypeOfIssuerEventHasASummaryOfItsOwn() {
        Set<Class<?>> events = everyIssuerEventType();

        // the scan sees the event families of every area, the access events among them
        assertThat(events).extracting(Class::getPackageName).contains("org.capledger.api.issuer",
                "org.capledger.api.stakeholder", "org.capledger.api.stock", "org.capledger.api.equity",
                "org.capledger.api.warrant", "org.capledger.api.convertible", "org.capledger.api.access");
        assertThat(projection.summarizedTypes()).containsExactlyInAnyOrderElementsOf(events.stream()
                .map(type -> type.asSubclass(IssuerEvent.class)).toList());
    }

    @Test
    void anEventTypeWithoutASummaryIsRefusedNotSummarizedByItsClassName() {
        IssuerEvent unknown = new IssuerEvent() {
            @Override
            public IssuerId issuerId() {
                return IssuerId.of("acme");
            }

            @Override
            public LocalDate date() {
                return LocalDate.of(2024, 1, 1);
            }
        };

        assertThatThrownBy(() -> projection.summarize(unknown)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No audit-trail summary for");
    }

    @Test
    void aSummaryReadsTheEvent() {
        assertThat(projection.summarize(new StakeholderUpdated(IssuerId.of("acme"), StakeholderId.of("ana"),
                LocalDate.of(2024, 1, 1), new StakeholderName("Ana Alves", null, null), null,
                StakeholderRelationship.FOUNDER, null, null))).isEqualTo("Updated stakeholder Ana Alves");
    }
}
