package org.capledger.query.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.capledger.query.reports.IntegrityFold.Authorization;
import org.capledger.query.reports.IntegrityFold.Extinction;
import org.capledger.query.reports.IntegrityFold.Flow;
import org.capledger.query.reports.IntegrityFold.Instrument;
import org.capledger.query.reports.IntegrityFold.Stock;
import org.capledger.query.reports.IntegrityReport.Check;
import org.capledger.query.reports.IntegrityReport.Finding;

/**
 * The five checks of the ledger integrity report, each judged on {@link IntegrityFold}'s record of the events and
 * never on the Ledger's. Plain Java: the service around it reads the events and the certificate register.
 */
final class IntegrityChecks {

    static final String AUTHORIZED_NOT_EXCEEDED = "AUTHORIZED_NOT_EXCEEDED";
    static final String TRACED_TO_ISSUANCE = "TRACED_TO_ISSUANCE";
    static final String NO_NEGATIVE_POSITION = "NO_NEGATIVE_POSITION";
    static final String QUANTITIES_CONSERVED = "QUANTITIES_CONSERVED";
    static final String CERTIFICATES_CONSISTENT = "CERTIFICATES_CONSISTENT";

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::date, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::sequence, Comparator.nullsFirst(Comparator.naturalOrder()));

    private IntegrityChecks() {
    }

    /**
     * The report as of {@code asOf}.
     *
     * @param events    the issuer's whole stream, in recording order
     * @param registers each certificate register's rows (all of them: a register holds the present, not a past
     *                  date), by the register's name, in the order they are checked
     */
    static IntegrityReport report(String issuerId, List<RecordedEvent> events, LocalDate asOf,
                                  Map<String, List<CertificateRecord>> registers) {
        IntegrityFold fold = IntegrityFold.of(events, asOf);
        IntegrityFold everything = IntegrityFold.of(events, null);
        List<Check> checks = List.of(authorizedNotExceeded(fold), tracedToIssuance(fold), noNegativePosition(fold),
                quantitiesConserved(fold), certificatesConsistent(everything, registers));
        return new IntegrityReport(issuerId, everything.issuerLegalName, asOf, fold.eventsFolded,
                checks.stream().allMatch(Check::passed), checks);
    }

    // ---------------------------------------------------------------- 1. authorized shares

    /**
     * Outstanding shares of each class, and of the issuer while it has an issuer-wide count, at the end of every
     * effective date on which either changed, against the authorized count in force then.
     */
    static Check authorizedNotExceeded(IntegrityFold fold) {
        TreeMap<LocalDate, List<Object>> days = new TreeMap<>();
        fold.flows.forEach(f -> days.computeIfAbsent(f.date(), d -> new ArrayList<>()).add(f));
        fold.authorizations.forEach(a -> days.computeIfAbsent(a.date(), d -> new ArrayList<>()).add(a));
        Map<String, BigDecimal> outstanding = new HashMap<>();
        Map<String, Authorization> authorized = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        Authorization issuerAuthorized = null;
        List<Finding> findings = new ArrayList<>();
        long examined = 0;
        for (Map.Entry<LocalDate, List<Object>> day : days.entrySet()) {
            if (day.getKey().isAfter(fold.asOf())) {
                break;
            }
            Set<String> touched = new LinkedHashSet<>();
            Map<String, Long> lastSequence = new HashMap<>();
            List<Object> changes = new ArrayList<>(day.getValue());
            changes.sort(Comparator.comparingLong(IntegrityChecks::sequenceOf));
            for (Object change : changes) {
                if (change instanceof Flow f) {
                    outstanding.merge(f.stockClassId(), f.change(), BigDecimal::add);
                    total = total.add(f.change());
                    touched.add(f.stockClassId());
                    lastSequence.put(f.stockClassId(), f.sequence());
                } else if (change instanceof Authorization a && a.stockClassId() == null) {
                    issuerAuthorized = a;
                } else if (change instanceof Authorization a) {
                    authorized.put(a.stockClassId(), a);
                    touched.add(a.stockClassId());
                    lastSequence.put(a.stockClassId(), a.sequence());
                }
            }
            for (String classId : touched) {
                examined++;
                BigDecimal shares = outstanding.getOrDefault(classId, BigDecimal.ZERO);
                Authorization limit = authorized.get(classId);
                if (limit == null && shares.signum() != 0) {
                    findings.add(new Finding(day.getKey(), classId, fold.className(classId), null, null, null, null,
                            lastSequence.get(classId), IntegrityFold.figures("outstanding", shares, "authorized", null),
                            "shares outstanding in a class with no authorized count (a class the events never created, "
                                    + "or before its creation)"));
                } else if (limit != null && shares.compareTo(limit.authorized()) > 0) {
                    findings.add(new Finding(day.getKey(), classId, fold.className(classId), null, null, null, null,
                            lastSequence.get(classId), IntegrityFold.figures("outstanding", shares, "authorized",
                            limit.authorized()), "outstanding above authorized at the end of the day"));
                }
            }
            if (issuerAuthorized != null) {
                examined++;
                if (total.compareTo(issuerAuthorized.authorized()) > 0) {
                    findings.add(new Finding(day.getKey(), null, null, null, null, null, null,
                            changes.isEmpty() ? null : sequenceOf(changes.get(changes.size() - 1)),
                            IntegrityFold.figures("outstanding", total, "authorized", issuerAuthorized.authorized()),
                            "the issuer's outstanding shares (all classes) above its authorized shares at the end "
                                    + "of the day"));
                }
            }
        }
        return check(AUTHORIZED_NOT_EXCEEDED, "Shares outstanding never above the authorized count in force, for "
                + "every stock class and (while it has one) the issuer, at the end of every effective date up to "
                + "the report's date on which either changed. Issuances, transfers, cancellations, repurchases, "
                + "reissuances, retractions (from the voided issuance's date), conversions between classes, splits "
                + "(new quantities and new authorized count) and stock issued by exercises, releases and "
                + "conversions of grants, warrants and convertibles all count. Item: one class or the issuer on one "
                + "date.", examined, findings);
    }

    private static long sequenceOf(Object change) {
        return change instanceof Flow f ? f.sequence() : ((Authorization) change).sequence();
    }

    // ---------------------------------------------------------------- 2. traced to an issuance

    /**
     * Each stock security's chain of sources leads back to issuances (or to issued grants, warrants or
     * convertibles), and each link holds: the source existed, was created no later, and was extinguished by the very
     * transaction that created the security (not earlier by another one).
     */
    static Check tracedToIssuance(IntegrityFold fold) {
        Map<String, Break> instrumentBreaks = new HashMap<>();
        for (Instrument i : fold.instruments.values()) {
            instrumentBreaks.put(i.securityId, instrumentBreak(fold, i, instrumentBreaks));
        }
        Map<String, Break> stockBreaks = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Stock s : fold.stock.values()) {
            Break broken = stockBreak(fold, s, stockBreaks, instrumentBreaks);
            stockBreaks.put(s.securityId(), broken);
            if (broken != null) {
                String detail = broken.securityId().equals(s.securityId()) ? broken.reason()
                        : "its chain breaks at " + broken.label() + ": " + broken.reason();
                findings.add(new Finding(s.createdOn(), s.stockClassId(), fold.className(s.stockClassId()),
                        s.stakeholderId(), s.securityId(), s.label(), s.origin(), s.createdBy(), null, detail));
            }
        }
        for (IntegrityFold.Duplicate d : fold.duplicates) {
            findings.add(new Finding(d.date(), null, null, null, d.securityId(), d.label(), d.kind(), d.sequence(),
                    null, "creates a security whose id already exists: its chain is ambiguous"));
        }
        return check(TRACED_TO_ISSUANCE, "Every stock security traced through its chain of source securities to "
                + "issuances of stock, or to issuances of the grant, warrant or convertible it was exercised, "
                + "released or converted from; each link's source existed, came to be no later, and was extinguished "
                + "by the very transaction that created the security. Item: one stock security.",
                fold.stock.size() + fold.duplicates.size(), findings);
    }

    /** Where a chain breaks: the security at which it does, and why. */
    private record Break(String securityId, String label, String reason) {
    }

    private static Break stockBreak(IntegrityFold fold, Stock s, Map<String, Break> done,
                                    Map<String, Break> instrumentBreaks) {
        if (s.sourceInstrument() != null) {
            Instrument from = fold.instruments.get(s.sourceInstrument());
            if (from == null) {
                return new Break(s.securityId(), s.label(), "its grant, warrant or convertible "
                        + s.sourceInstrument() + " was never issued");
            }
            Break link = link(s.securityId(), s.label(), s.createdOn(), s.createdBy(), from.label, from.createdOn,
                    from.extinctions);
            return link != null ? link : instrumentBreaks.get(from.securityId);
        }
        if (s.sources().isEmpty()) {
            return IntegrityFold.ISSUANCE.equals(s.origin()) ? null : new Break(s.securityId(), s.label(),
                    "created by a " + s.origin() + " that names no source security");
        }
        for (String sourceId : s.sources()) {
            Stock source = fold.stock.get(sourceId);
            if (source == null) {
                return new Break(s.securityId(), s.label(), "its source " + sourceId + " was never created");
            }
            Break link = link(s.securityId(), s.label(), s.createdOn(), s.createdBy(), source.label(),
                    source.createdOn(), source.extinctions());
            if (link != null) {
                return link;
            }
            Break upstream = done.get(sourceId);
            if (upstream != null) {
                return upstream;
            }
        }
        return null;
    }

    private static Break instrumentBreak(IntegrityFold fold, Instrument i, Map<String, Break> done) {
        if (i.source == null) {
            return IntegrityFold.ISSUANCE.equals(i.origin) ? null
                    : new Break(i.securityId, i.label, "created by a " + i.origin + " that names no source");
        }
        Instrument source = fold.instruments.get(i.source);
        if (source == null) {
            return new Break(i.securityId, i.label, "its source " + i.source + " was never issued");
        }
        Break link = link(i.securityId, i.label, i.createdOn, i.createdBy, source.label, source.createdOn,
                source.extinctions);
        return link != null ? link : done.get(source.securityId);
    }

    /** One link of a chain: the source came no later and was first extinguished by the creating transaction. */
    private static Break link(String id, String label, LocalDate createdOn, long createdBy, String sourceLabel,
                              LocalDate sourceCreatedOn, List<Extinction> sourceExtinctions) {
        if (sourceCreatedOn.isAfter(createdOn)) {
            return new Break(id, label, "its source " + sourceLabel + " came to be on " + sourceCreatedOn
                    + ", after this security's " + createdOn);
        }
        Extinction first = sourceExtinctions.isEmpty() ? null : sourceExtinctions.get(0);
        if (first == null || first.sequence() != createdBy) {
            return new Break(id, label, first == null ? "its source " + sourceLabel + " was never extinguished"
                    : "its source " + sourceLabel + " had already been extinguished by a " + first.kind() + " on "
                    + first.date() + " (sequence " + first.sequence() + ")");
        }
        return null;
    }

    // ---------------------------------------------------------------- 3. no negative position

    /**
     * Every holder's shares of every class, as the sum of the dated flows (credits when a security is created, debits
     * of its whole quantity when one is extinguished), at the end of every effective date on which they changed; and
     * every security's quantity positive.
     */
    static Check noNegativePosition(IntegrityFold fold) {
        TreeMap<LocalDate, List<Flow>> days = new TreeMap<>();
        fold.flows.forEach(f -> days.computeIfAbsent(f.date(), d -> new ArrayList<>()).add(f));
        Map<List<String>, BigDecimal> positions = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        long examined = 0;
        for (Map.Entry<LocalDate, List<Flow>> day : days.entrySet()) {
            if (day.getKey().isAfter(fold.asOf())) {
                break;
            }
            Map<List<String>, Long> touched = new LinkedHashMap<>();
            for (Flow f : day.getValue()) {
                List<String> key = List.of(f.stakeholderId(), f.stockClassId());
                positions.merge(key, f.change(), BigDecimal::add);
                touched.merge(key, f.sequence(), Math::max);
            }
            for (Map.Entry<List<String>, Long> key : touched.entrySet()) {
                examined++;
                BigDecimal position = positions.get(key.getKey());
                if (position.signum() < 0) {
                    String classId = key.getKey().get(1);
                    findings.add(new Finding(day.getKey(), classId, fold.className(classId), key.getKey().get(0),
                            null, null, null, key.getValue(), IntegrityFold.figures("position", position),
                            "the holder's position in the class is negative at the end of the day"));
                }
            }
        }
        for (Stock s : fold.stock.values()) {
            examined++;
            if (s.quantity().signum() <= 0) {
                findings.add(new Finding(s.createdOn(), s.stockClassId(), fold.className(s.stockClassId()),
                        s.stakeholderId(), s.securityId(), s.label(), s.origin(), s.createdBy(),
                        IntegrityFold.figures("quantity", s.quantity()), "a security of no shares"));
            }
        }
        for (Instrument i : fold.instruments.values()) {
            examined++;
            if (i.quantity != null && i.quantity.signum() <= 0) {
                findings.add(new Finding(i.createdOn, i.stockClassId, fold.className(i.stockClassId), i.stakeholderId,
                        i.securityId, i.label, i.origin, i.createdBy, IntegrityFold.figures("quantity", i.quantity),
                        "a " + i.kind.toLowerCase(java.util.Locale.ROOT) + " over no shares"));
            }
        }
        return check(NO_NEGATIVE_POSITION, "Every holder's shares of every class, summed from the dated movements "
                + "(a security's quantity added when it is created, its whole quantity taken when it is "
                + "extinguished), not negative at the end of any effective date on which it changed; and every "
                + "stock security, grant and warrant over a positive quantity. Item: one holder and class on one "
                + "date, or one security.", examined, findings);
    }

    // ---------------------------------------------------------------- 4. quantities conserved

    static Check quantitiesConserved(IntegrityFold fold) {
        return check(QUANTITIES_CONSERVED, "Each terminal transaction conserves quantities: resulting securities "
                + "plus balance equal the source (transfers, reissuances, consolidations; for cancellations and "
                + "repurchases the shares taken plus the balance), in the source's class; a split's replacements are "
                + "their sources at the split ratio (and every security of the class outstanding that day is "
                + "replaced, grants and warrants it adjusts too); a conversion's results are the converted shares at "
                + "the ratio, rounded to the target class's precision; exercises and releases of grants and "
                + "warrants issue the quantity taken, and stock plus balance equal the instrument. Convertibles' "
                + "conversions turn money into shares at terms the event does not repeat, so they are not "
                + "counted. Item: one terminal transaction.", fold.terminalTransactions, fold.conservation);
    }

    // ---------------------------------------------------------------- 5. certificates

    /**
     * Each register's rows against the fold of every recorded event (a register holds the present): one row per
     * stock security with its label, holder and quantity, live exactly while the security is outstanding. Every
     * finding names its register in {@code figures}.
     */
    static Check certificatesConsistent(IntegrityFold everything, Map<String, List<CertificateRecord>> registers) {
        List<Finding> findings = new ArrayList<>();
        long examined = 0;
        for (Map.Entry<String, List<CertificateRecord>> register : registers.entrySet()) {
            examined += certificatesConsistent(everything, register.getKey(), register.getValue(), findings);
        }
        return check(CERTIFICATES_CONSISTENT, "The certificate registers (" + String.join(", ", registers.keySet())
                + ") against the events: one row per stock security, with the same label, holder and quantity, live "
                + "exactly while the security is outstanding. A register holds the present, so this check compares "
                + "it with every recorded event whatever the report's date. Item: one security (or row) in one "
                + "register.", examined, findings);
    }

    /** @return the securities and unknown rows examined in one register; its findings are added to {@code findings} */
    private static long certificatesConsistent(IntegrityFold everything, String source, List<CertificateRecord> rows,
                                               List<Finding> findings) {
        Map<String, CertificateRecord> bySecurity = new LinkedHashMap<>();
        for (CertificateRecord row : rows) {
            if (bySecurity.putIfAbsent(row.securityId(), row) != null) {
                findings.add(new Finding(null, null, null, row.stakeholderId(), row.securityId(), row.label(), null,
                        null, register(source, Map.of()), "the register holds two rows for one security"));
            }
        }
        for (Stock s : everything.stock.values()) {
            CertificateRecord row = bySecurity.remove(s.securityId());
            if (row == null) {
                findings.add(certificateFinding(everything, s, register(source, Map.of()), "no row in the register"));
                continue;
            }
            Map<String, String> differences = new LinkedHashMap<>();
            compare(differences, "label", s.label(), row.label());
            compare(differences, "stakeholderId", s.stakeholderId(), row.stakeholderId());
            if (row.quantity() == null || s.quantity().compareTo(row.quantity()) != 0) {
                differences.put("quantity", IntegrityFold.fig(s.quantity()) + " in the events, "
                        + IntegrityFold.fig(row.quantity()) + " in the register");
            }
            if (s.live() != row.active()) {
                differences.put("active", s.live() + " in the events, " + row.active() + " in the register");
            }
            if (!differences.isEmpty()) {
                findings.add(certificateFinding(everything, s, register(source, differences),
                        "the register differs from the events"));
            }
        }
        for (CertificateRecord row : bySecurity.values()) {
            findings.add(new Finding(null, null, null, row.stakeholderId(), row.securityId(), row.label(), null, null,
                    register(source, Map.of()), "a row for a security the events never created"));
        }
        return everything.stock.size() + bySecurity.size();
    }

    /** The register's name first, then the figures. */
    private static Map<String, String> register(String source, Map<String, String> figures) {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("register", source);
        named.putAll(figures);
        return named;
    }

    private static void compare(Map<String, String> differences, String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            differences.put(field, expected + " in the events, " + actual + " in the register");
        }
    }

    private static Finding certificateFinding(IntegrityFold fold, Stock s, Map<String, String> figures,
                                              String detail) {
        LocalDate date = s.live() ? s.createdOn() : s.extinctions().get(0).date();
        return new Finding(date, s.stockClassId(), fold.className(s.stockClassId()), s.stakeholderId(),
                s.securityId(), s.label(), s.live() ? s.origin() : s.extinctions().get(0).kind(),
                s.live() ? s.createdBy() : s.extinctions().get(0).sequence(), figures, detail);
    }

    // ---------------------------------------------------------------- common

    private static Check check(String name, String description, long examined, List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        return new Check(name, description, findings.isEmpty(), examined, findings.size(),
                List.copyOf(sorted.subList(0, Math.min(sorted.size(), IntegrityReport.MAX_LISTED))));
    }
}
