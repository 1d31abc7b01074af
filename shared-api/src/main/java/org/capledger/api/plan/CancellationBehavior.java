package org.capledger.api.plan;

/**
 * What happens to the shares of a plan security when it is cancelled (OCF 1.2
 * {@code enums/StockPlanCancellationBehaviorType}).
 */
public enum CancellationBehavior {
    /** The shares leave the pool for good. */
    RETIRE,
    /** The shares go back to the pool and can be granted again. */
    RETURN_TO_POOL,
    /** The issuer holds the shares as capital stock; they return to the pool only by a return to pool. */
    HOLD_AS_CAPITAL_STOCK,
    /** Decided security by security: they return to the pool only by a return to pool. */
    DEFINED_PER_PLAN_SECURITY
}
