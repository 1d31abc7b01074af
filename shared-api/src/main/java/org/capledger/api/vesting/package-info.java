/**
 * Vesting terms as the Open Cap Table Format 1.2 models them ({@code objects/VestingTerms} and
 * {@code types/vesting/*}; the guide is OCF's {@code docs/VestingTerms.md}): a directed acyclic graph of
 * {@link org.capledger.api.vesting.VestingCondition}s, each saying which {@link org.capledger.api.vesting.VestingTrigger}
 * enters it and what {@link org.capledger.api.vesting.VestingPortion portion} or fixed quantity of the security then
 * vests, and which conditions may follow.
 *
 * <p>These are values: they validate themselves on construction and throw
 * {@link org.capledger.api.CapledgerException} with {@link org.capledger.api.ErrorCode#INVALID_VESTING_TERMS}, so a
 * {@link org.capledger.api.vesting.VestingTerms} instance is always a well-formed graph. Their JSON form is OCF's
 * shape with Capledger's camelCase names ({@code next_condition_ids} is {@code nextConditionIds}) and numerics as
 * strings. What vests when is computed by {@code org.capledger.ledger.vesting.VestingSchedule}.
 */
package org.capledger.api.vesting;
