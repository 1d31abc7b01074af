/**
 * Stock plans (OCF 1.2 {@code objects/StockPlan}, {@code transactions/adjustment/StockPlanPoolAdjustment},
 * {@code transactions/return_to_pool/StockPlanReturnToPool}): the pool of shares reserved for equity compensation.
 */
package org.capledger.api.plan;
