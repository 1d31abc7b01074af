package org.capledger.query.securities;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where securities came from and what they became, from {@code security_link}, within one issuer. */
@Service
public class SecurityChains {

    /** Bound on the securities walked in one direction, so a pathological chain cannot exhaust memory. */
    private static final int MAX_CHAIN = 10_000;

    private final SecurityLinkRepository links;
    private final SecurityViewRepository securities;

    SecurityChains(SecurityLinkRepository links, SecurityViewRepository securities) {
        this.links = links;
        this.securities = securities;
    }

    /** The direct neighbours of some securities. */
    public record Neighbours(Map<String, List<String>> sources, Map<String, List<String>> resulting) {

        public List<String> sourcesOf(String id) {
            return sources.getOrDefault(id, List.of());
        }

        public List<String> resultingFrom(String id) {
            return resulting.getOrDefault(id, List.of());
        }

        /** @return these neighbours with only the securities in {@code visible} */
        public Neighbours visibleTo(Set<String> visible) {
            return new Neighbours(filter(sources, visible), filter(resulting, visible));
        }

        private static Map<String, List<String>> filter(Map<String, List<String>> map, Set<String> visible) {
            Map<String, List<String>> out = new HashMap<>();
            map.forEach((k, v) -> out.put(k, v.stream().filter(visible::contains).toList()));
            return out;
        }
    }

    /** @return the direct neighbours of the issuer's securities {@code ids} */
    @Transactional(readOnly = true)
    public Neighbours neighbours(String issuerId, Collection<String> ids) {
        Map<String, List<String>> sources = new HashMap<>();
        Map<String, List<String>> resulting = new HashMap<>();
        if (!ids.isEmpty()) {
            for (SecurityLink link : links.findByIssuerIdAndToSecurityIdIn(issuerId, ids)) {
                sources.computeIfAbsent(link.toSecurityId(), k -> new ArrayList<>()).add(link.fromSecurityId());
            }
            for (SecurityLink link : links.findByIssuerIdAndFromSecurityIdIn(issuerId, ids)) {
                resulting.computeIfAbsent(link.fromSecurityId(), k -> new ArrayList<>()).add(link.toSecurityId());
            }
        }
        Set<String> involved = new java.util.HashSet<>();
        sources.values().forEach(involved::addAll);
        resulting.values().forEach(involved::addAll);
        Map<String, Long> labelNumbers = new HashMap<>();
        securities.findByIssuerIdAndSecurityIdIn(issuerId, involved)
                .forEach(v -> labelNumbers.put(v.securityId(), v.labelNumber));
        Comparator<String> byLabel = Comparator.comparing((String id) -> labelNumbers.getOrDefault(id, Long.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
        sources.replaceAll((k, v) -> v.stream().sorted(byLabel).toList());
        resulting.replaceAll((k, v) -> v.stream().sorted(byLabel).toList());
        return new Neighbours(sources, resulting);
    }

    /**
     * One transaction in a security's chain.
     *
     * @param kind           TRANSFER, CANCELLATION, SPLIT, ...
     * @param effectiveDate  its effective date
     * @param fromSecurityIds the securities it extinguished
     * @param toSecurityIds   the securities it created
     */
    public record Step(String kind, LocalDate effectiveDate, List<String> fromSecurityIds, List<String> toSecurityIds) {

        /** @return this step with only the securities in {@code visible} */
        public Step visibleTo(Set<String> visible) {
            return new Step(kind, effectiveDate, fromSecurityIds.stream().filter(visible::contains).toList(),
                    toSecurityIds.stream().filter(visible::contains).toList());
        }
    }

    /**
     * @return the securities the issuer's {@code securityId} came from (back to the issuances) and became (forward
     *         to what is outstanding now), each transaction on the way whole (a transfer with all its transferees and
     *         its balance), in issue-date order, and those transactions in date order. Other branches, such as what a
     *         transferee later did with their shares, are left out.
     */
    @Transactional(readOnly = true)
    public Chain chain(String issuerId, String securityId) {
        Map<String, Step> steps = new LinkedHashMap<>();
        Set<String> members = new LinkedHashSet<>(List.of(securityId));
        walk(issuerId, securityId, true, steps, members);
        walk(issuerId, securityId, false, steps, members);
        List<SecurityView> found = new ArrayList<>(securities.findByIssuerIdAndSecurityIdIn(issuerId, members));
        found.sort(Comparator.comparing(SecurityView::issueDate).thenComparing(SecurityView::stockClassId)
                .thenComparingLong(v -> v.labelNumber));
        List<Step> ordered = new ArrayList<>(steps.values());
        ordered.sort(Comparator.comparing(Step::effectiveDate));
        return new Chain(found, List.copyOf(ordered));
    }

    /** Follows links from {@code start} towards the issuances ({@code up}) or towards today. */
    private void walk(String issuerId, String start, boolean up, Map<String, Step> steps, Set<String> members) {
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_CHAIN) {
            String id = queue.poll();
            if (!seen.add(id)) {
                continue;
            }
            List<SecurityLink> next = up ? links.findByIssuerIdAndToSecurityIdIn(issuerId, List.of(id))
                    : links.findByIssuerIdAndFromSecurityIdIn(issuerId, List.of(id));
            for (SecurityLink link : next) {
                Step step = wholeStep(issuerId, link);
                steps.putIfAbsent(step.kind() + "|" + step.effectiveDate() + "|" + step.fromSecurityIds(), step);
                members.addAll(step.fromSecurityIds());
                members.addAll(step.toSecurityIds());
                queue.add(up ? link.fromSecurityId() : link.toSecurityId());
            }
        }
    }

    /**
     * The whole transaction a link belongs to. A security is extinguished by exactly one transaction and created by
     * exactly one, so everything its source became and everything its results came from is that transaction; a
     * split is one step per replaced security.
     */
    private Step wholeStep(String issuerId, SecurityLink link) {
        List<String> to = links.findByIssuerIdAndFromSecurityIdIn(issuerId, List.of(link.fromSecurityId())).stream()
                .map(SecurityLink::toSecurityId).toList();
        List<String> from = links.findByIssuerIdAndToSecurityIdIn(issuerId, to).stream()
                .map(SecurityLink::fromSecurityId).distinct().sorted().toList();
        return new Step(link.kind(), link.effectiveDate(), from, to);
    }

    /** A security's whole chain: the securities and the transactions that connect them. */
    public record Chain(List<SecurityView> securities, List<Step> transactions) {
    }

}
