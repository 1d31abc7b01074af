package org.capledger.query.ocf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.capledger.api.CapTableEvent;
import org.capledger.api.equity.CompensationType;
import org.capledger.api.equity.EquityCompensationAccepted;
import org.capledger.api.equity.EquityCompensationCancelled;
import org.capledger.api.equity.EquityCompensationExercised;
import org.capledger.api.equity.EquityCompensationIssued;
import org.capledger.api.equity.EquityCompensationReleased;
import org.capledger.api.equity.EquityCompensationRepriced;
import org.capledger.api.equity.EquityCompensationRetracted;
import org.capledger.api.equity.EquityCompensationTransferred;
import org.capledger.api.equity.ResultingGrant;
import org.capledger.api.equity.TerminationExerciseWindow;
import org.capledger.api.equity.VestingAccelerated;
import org.capledger.api.equity.VestingEventRecorded;
import org.capledger.api.equity.VestingStarted;
import org.capledger.api.plan.SharesReturnedToPool;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.VestingTermsId;
import org.capledger.api.vesting.OcfVestingTerms;
import org.capledger.api.vesting.VestingTerms;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Equity compensation, vesting and returns to pool, as OCF 1.2 writes them.
 *
 * <p>Each grant's security has an OCF id: its own, except for the balance an exercise or a release leaves. OCF 1.2's
 * exercise and release have no {@code balance_security_id}: in OCF the rest stays on the same security. So such a
 * balance is not written as an issuance, and every later transaction on it, or on its own balances, names the id of
 * the grant it came from. Balances of cancellations and grants created by transfers are issuances of their own, as in
 * OCF, with their source's terms, and their source's vesting start and events carried over after the transaction.
 */
final class OcfGrants {

    private final OcfFold fold;
    /**
     * By Capledger security id, every grant the history created so far (balances of exercises share their source's).
     */
    private final Map<SecurityId, Grant> grants = new HashMap<>();
    /** Each distinct vesting terms as written, by the terms with their id blanked. */
    private final Map<VestingTerms, Terms> terms = new HashMap<>();
    /** How many grants were issued so far: the recording order of a grant among them. */
    private int issued;

    OcfGrants(OcfFold fold) {
        this.fold = fold;
    }

    boolean add(CapTableEvent event) {
        if (event instanceof EquityCompensationIssued e) {
            Grant g = new Grant(e.securityId().value(), e.stakeholderId().value(),
                    e.stockPlanId() == null ? null : e.stockPlanId().value(), e.stockClassId().value(),
                    e.compensationType(), e.exercisePrice(), e.basePrice(), e.earlyExercisable(),
                    e.vestingTerms() == null ? null : terms(e.vestingTerms(), e.securityId(), e.date()),
                    e.vestingTerms(),
                    e.expirationDate(), e.terminationExerciseWindows());
            grants.put(e.securityId(), g);
            ObjectNode tx = issuance(g, e.date(), e.securityLabel(), e.quantity());
            fold.approvals(tx, e.boardApprovalDate(), null, null);
            fold.consideration(tx, e.consideration());
            if (e.vestingStartDate() != null) {
                start(g, e.securityId(), e.vestingStartDate(), OcfVestingTerms.startConditionId(e.vestingTerms()));
            }
        } else if (event instanceof VestingStarted e) {
            // a vesting start may be dated before its grant: as of a date before the grant, neither is written
            Grant g = grants.get(e.securityId());
            if (g != null) {
                start(g, e.securityId(), e.date(), e.vestingConditionId());
            }
        } else if (event instanceof VestingEventRecorded e) {
            Grant g = grants.get(e.securityId());
            g.events.add(new Met(e.vestingConditionId(), e.date()));
            vestingEvent(g, e.securityId(), new Met(e.vestingConditionId(), e.date()), null);
        } else if (event instanceof VestingAccelerated e) {
            ObjectNode tx = fold.transaction("TX_VESTING_ACCELERATION",
                    fold.numbered("vesting-acceleration-" + e.securityId() + "-" + e.date()), e.date());
            tx.put("security_id", ocfId(e.securityId()));
            tx.put("quantity", e.quantity().toString());
            tx.put("reason_text", e.reason());
        } else if (event instanceof EquityCompensationExercised e) {
            Grant g = grants.get(e.securityId());
            fold.stockResults(e.date(), e.resultingStock(), g.exercisePrice == null ? fold.zero() : g.exercisePrice,
                    g.planId);
            ObjectNode tx = fold.transaction("TX_EQUITY_COMPENSATION_EXERCISE",
                    txId("exercise", e.securityId(), e.date()),
                    e.date());
            tx.put("security_id", g.ocfId);
            tx.put("quantity", e.quantity().toString());
            fold.ids(tx.putArray("resulting_security_ids"), e.resultingStock());
            fold.consideration(tx, e.consideration());
            balanceComments(tx, e.balance());
            remainder(e.balance(), g);
        } else if (event instanceof EquityCompensationReleased e) {
            Grant g = grants.get(e.securityId());
            Money price = e.releasePrice() == null ? fold.zero() : e.releasePrice();
            fold.stockResults(e.date(), e.resultingStock(), price, g.planId);
            ObjectNode tx = fold.transaction("TX_EQUITY_COMPENSATION_RELEASE",
                    txId("release", e.securityId(), e.date()), e.date());
            tx.put("security_id", g.ocfId);
            tx.put("quantity", e.quantity().toString());
            tx.put("settlement_date", (e.settlementDate() == null ? e.date() : e.settlementDate()).toString());
            tx.set("release_price", fold.money(price));
            fold.ids(tx.putArray("resulting_security_ids"), e.resultingStock());
            balanceComments(tx, e.balance());
            remainder(e.balance(), g);
        } else if (event instanceof EquityCompensationCancelled e) {
            Grant g = grants.get(e.securityId());
            Grant balance = e.balance() == null ? null : derived(g, e.balance(), g.holder, e.date());
            ObjectNode tx = fold.transaction("TX_EQUITY_COMPENSATION_CANCELLATION",
                    txId("cancellation", e.securityId(), e.date()),
                    e.date());
            tx.put("security_id", g.ocfId);
            tx.put("quantity", e.quantity().toString());
            tx.put("reason_text", e.reason());
            if (balance != null) {
                tx.put("balance_security_id", balance.ocfId);
                carryVesting(balance, e.balance().securityId());
            }
        } else if (event instanceof EquityCompensationTransferred e) {
            Grant g = grants.get(e.securityId());
            Grant transferred = derived(g, e.transferred(), e.toStakeholderId().value(), e.date());
            ObjectNode tx = fold.transaction("TX_EQUITY_COMPENSATION_TRANSFER",
                    txId("transfer", e.securityId(), e.date()),
                    e.date());
            tx.put("security_id", g.ocfId);
            tx.put("quantity", e.transferred().quantity().toString());
            tx.putArray("resulting_security_ids").add(transferred.ocfId);
            fold.consideration(tx, e.consideration());
            carryVesting(transferred, e.transferred().securityId());
        } else if (event instanceof EquityCompensationRetracted e) {
            ObjectNode tx = fold.transaction("TX_EQUITY_COMPENSATION_RETRACTION",
                    txId("retraction", e.securityId(), e.date()),
                    e.date());
            tx.put("security_id", ocfId(e.securityId()));
            tx.put("reason_text", e.reason());
        } else if (event instanceof EquityCompensationAccepted e) {
            ObjectNode tx = fold.transaction("TX_EQUITY_COMPENSATION_ACCEPTANCE",
                    txId("acceptance", e.securityId(), e.date()),
                    e.date());
            tx.put("security_id", ocfId(e.securityId()));
        } else if (event instanceof EquityCompensationRepriced e) {
            Grant g = grants.get(e.securityId());
            g.exercisePrice = e.newExercisePrice();
            ObjectNode tx = fold.transaction("TX_EQUITY_COMPENSATION_REPRICING",
                    fold.numbered("repricing-" + e.securityId() + "-" + e.date()), e.date());
            tx.put("security_id", g.ocfId);
            tx.set("new_exercise_price", fold.money(e.newExercisePrice()));
        } else if (event instanceof SharesReturnedToPool e) {
            ObjectNode tx = fold.transaction("TX_STOCK_PLAN_RETURN_TO_POOL",
                    fold.numbered("return-to-pool-" + e.securityId() + "-" + e.date()), e.date());
            tx.put("security_id", ocfId(e.securityId()));
            tx.put("stock_plan_id", e.stockPlanId().value());
            tx.put("quantity", e.quantity().toString());
            // OCF requires a reason; Capledger's is optional
            tx.put("reason_text", e.reason() == null ? "Returned to the pool" : e.reason());
        } else {
            return false;
        }
        return true;
    }

    /**
     * OCF's exercise and release have no {@code balance_security_id}; Capledger's balance, which keeps the grant's
     * OCF id, is named in the comments {@code capledger:balanceSecurityId} and {@code capledger:balanceSecurityLabel},
     * so that an import gives it the same id and label.
     */
    private static void balanceComments(ObjectNode tx, org.capledger.api.equity.ResultingGrant balance) {
        if (balance != null) {
            tx.putArray("comments").add(OcfFold.CAPLEDGER + "balanceSecurityId=" + balance.securityId())
                    .add(OcfFold.CAPLEDGER + "balanceSecurityLabel=" + balance.securityLabel());
        }
    }

    /**
     * The id of a transaction on a grant: {@code <kind>-<security id>}, or, on a balance that carries its grant's
     * OCF id, {@code <kind>-<grant's OCF id>-<date>-<n>}, which does not depend on the id Capledger gave the balance
     * (an import of the export gives it another).
     */
    private String txId(String kind, SecurityId securityId, LocalDate date) {
        String ocf = ocfId(securityId);
        return ocf.equals(securityId.value()) ? kind + "-" + ocf : fold.numbered(kind + "-" + ocf + "-" + date);
    }

    private String ocfId(SecurityId securityId) {
        Grant g = grants.get(securityId);
        return g == null ? securityId.value() : g.ocfId;
    }

    /**
     * The {@code VESTING_TERMS} object of {@code vestingTerms}: {@code vesting-<grant security id>} of the first grant
     * with terms equal to them but for their id, in effective-date order (recording order within a date). That is the
     * order an import of the export records the grants in, so the id survives the round trip whatever order the
     * grants were recorded in here. The objects are kept in that order too.
     */
    private Terms terms(VestingTerms vestingTerms, SecurityId grant, LocalDate date) {
        VestingTerms key = new VestingTerms(VestingTermsId.of("terms"), vestingTerms.name(),
                vestingTerms.description(), vestingTerms.allocationType(), vestingTerms.vestingConditions());
        int order = issued++;
        Terms named = terms.get(key);
        if (named == null) {
            named = new Terms(fold.json.valueToTree(OcfVestingTerms.json(vestingTerms)));
            terms.put(key, named);
        } else if (!date.isBefore(named.firstDate)) {
            return named;
        }
        named.nameAfter(grant, date, order);
        fold.vestingTerms.clear();
        terms.values().stream().sorted(Comparator.comparing((Terms t) -> t.firstDate).thenComparing(t -> t.order))
                .forEach(t -> fold.vestingTerms.put(t.id, t.object));
        return named;
    }

    /**
     * A {@code TX_VESTING_START} for {@code grant} (Capledger security {@code securityId}). Terms without a condition
     * triggered by the vesting start give it no meaning (Capledger computes nothing from it), and OCF cannot record
     * it without one: then nothing is written.
     */
    private void start(Grant grant, SecurityId securityId, LocalDate date, String conditionId) {
        grant.vestingStart = date;
        grant.startConditionId = conditionId;
        if (conditionId == null) {
            return;
        }
        ObjectNode tx = fold.transaction("TX_VESTING_START", "vesting-start-" + securityId, date);
        tx.put("security_id", grant.ocfId);
        tx.put("vesting_condition_id", conditionId);
    }

    /**
     * After a transaction that created {@code grant}: its source's vesting start and vesting events, which it keeps
     * (Capledger vests it on from its source), each marked {@code capledger:carriedOverFrom=<source>}.
     */
    private void carryVesting(Grant grant, SecurityId securityId) {
        if (grant.vestingStart != null && grant.startConditionId != null) {
            ObjectNode tx = fold.transaction("TX_VESTING_START", "vesting-start-" + securityId, grant.vestingStart);
            tx.put("security_id", grant.ocfId);
            tx.put("vesting_condition_id", grant.startConditionId);
            tx.putArray("comments").add(OcfFold.CAPLEDGER + "carriedOverFrom=" + grant.sourceOcfId);
        }
        for (Met met : grant.events) {
            vestingEvent(grant, securityId, met, grant.sourceOcfId);
        }
    }

    private void vestingEvent(Grant grant, SecurityId securityId, Met met, String carriedOverFrom) {
        ObjectNode tx = fold.transaction("TX_VESTING_EVENT", "vesting-event-" + securityId + "-" + met.conditionId()
                + "-" + met.date(), met.date());
        tx.put("security_id", grant.ocfId);
        tx.put("vesting_condition_id", met.conditionId());
        if (carriedOverFrom != null) {
            tx.putArray("comments").add(OcfFold.CAPLEDGER + "carriedOverFrom=" + carriedOverFrom);
        }
    }

    /** What an exercise or a release left keeps its source's OCF id (see the class comment). */
    private void remainder(ResultingGrant balance, Grant source) {
        if (balance != null) {
            grants.put(balance.securityId(), source);
        }
    }

    /** A grant created by a cancellation (its balance) or a transfer: written as an issuance of its own. */
    private Grant derived(Grant source, ResultingGrant created, String holder, LocalDate date) {
        Grant g = new Grant(created.securityId().value(), holder, source.planId, source.classId, source.type,
                source.exercisePrice, source.basePrice, source.earlyExercisable, source.terms, source.vestingTerms,
                source.expiration, source.windows);
        g.vestingStart = source.vestingStart;
        g.startConditionId = source.startConditionId;
        g.events.addAll(source.events);
        g.sourceOcfId = source.ocfId;
        grants.put(created.securityId(), g);
        issuance(g, date, created.securityLabel(), created.quantity());
        return g;
    }

    private ObjectNode issuance(Grant g, LocalDate date, String label, Quantity quantity) {
        ObjectNode tx = fold.transaction("TX_EQUITY_COMPENSATION_ISSUANCE", "issuance-" + g.ocfId, date);
        tx.put("security_id", g.ocfId);
        tx.put("custom_id", label);
        tx.put("stakeholder_id", g.holder);
        tx.putArray("security_law_exemptions");
        if (g.planId != null) {
            tx.put("stock_plan_id", g.planId);
        }
        tx.put("stock_class_id", g.classId);
        tx.put("compensation_type", g.type.name());
        tx.put("quantity", quantity.toString());
        if (g.exercisePrice != null) {
            tx.set("exercise_price", fold.money(g.exercisePrice));
        }
        if (g.basePrice != null) {
            tx.set("base_price", fold.money(g.basePrice));
        } else if (g.type == CompensationType.CSAR || g.type == CompensationType.SSAR) {
            // OCF requires a SAR's base price; Capledger's is optional
            tx.set("base_price", fold.money(fold.zero()));
        }
        tx.put("early_exercisable", g.earlyExercisable);
        if (g.terms != null) {
            g.terms.use(tx);
        }
        tx.put("expiration_date", g.expiration.toString());
        ArrayNode windows = tx.putArray("termination_exercise_windows");
        for (TerminationExerciseWindow w : g.windows) {
            ObjectNode window = windows.addObject();
            window.put("reason", w.reason().name());
            window.put("period", w.period());
            window.put("period_type", w.periodType().name());
        }
        return tx;
    }

    /**
     * One {@code VESTING_TERMS} object and the issuances naming it: a grant dated earlier with the same terms, folded
     * later, renames it and them.
     */
    private static final class Terms {
        final ObjectNode object;
        final List<ObjectNode> users = new ArrayList<>();
        String id;
        LocalDate firstDate;
        int order;

        Terms(ObjectNode object) {
            this.object = object;
        }

        void nameAfter(SecurityId grant, LocalDate date, int order) {
            this.id = "vesting-" + grant;
            this.firstDate = date;
            this.order = order;
            object.put("id", id);
            users.forEach(tx -> tx.put("vesting_terms_id", id));
        }

        void use(ObjectNode tx) {
            tx.put("vesting_terms_id", id);
            users.add(tx);
        }
    }

    /** A vesting condition met by an event on a date. */
    private record Met(String conditionId, LocalDate date) {
    }

    /** What the export needs to know of a grant to write transactions on it and the grants it leads to. */
    private static final class Grant {
        final String ocfId;
        final String holder;
        final String planId;
        final String classId;
        final CompensationType type;
        Money exercisePrice;
        final Money basePrice;
        final boolean earlyExercisable;
        /** The {@code VESTING_TERMS} the grant names, or null */
        final Terms terms;
        final VestingTerms vestingTerms;
        final LocalDate expiration;
        final List<TerminationExerciseWindow> windows;
        LocalDate vestingStart;
        String startConditionId;
        final List<Met> events = new ArrayList<>();
        String sourceOcfId;

        Grant(String ocfId, String holder, String planId, String classId, CompensationType type, Money exercisePrice,
              Money basePrice, boolean earlyExercisable, Terms terms, VestingTerms vestingTerms, LocalDate expiration,
              List<TerminationExerciseWindow> windows) {
            this.ocfId = ocfId;
            this.holder = holder;
            this.planId = planId;
            this.classId = classId;
            this.type = type;
            this.exercisePrice = exercisePrice;
            this.basePrice = basePrice;
            this.earlyExercisable = earlyExercisable;
            this.terms = terms;
            this.vestingTerms = vestingTerms;
            this.expiration = expiration;
            this.windows = windows == null ? List.of() : windows;
        }
    }
}
