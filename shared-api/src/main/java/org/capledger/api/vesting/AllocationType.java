package org.capledger.api.vesting;

/**
 * OCF 1.2 {@code enums/AllocationType}: how a vesting schedule rounds to whole shares. OCF illustrates each with
 * 18 shares vesting in 4 equal tranches (exact share 4.5):
 *
 * <ol>
 *   <li>{@link #CUMULATIVE_ROUNDING}: 5 - 4 - 5 - 4</li>
 *   <li>{@link #CUMULATIVE_ROUND_DOWN}: 4 - 5 - 4 - 5</li>
 *   <li>{@link #FRONT_LOADED}: 5 - 5 - 4 - 4</li>
 *   <li>{@link #BACK_LOADED}: 4 - 4 - 5 - 5</li>
 *   <li>{@link #FRONT_LOADED_TO_SINGLE_TRANCHE}: 6 - 4 - 4 - 4</li>
 *   <li>{@link #BACK_LOADED_TO_SINGLE_TRANCHE}: 4 - 4 - 4 - 6</li>
 *   <li>{@link #FRACTIONAL}: 4.5 - 4.5 - 4.5 - 4.5</li>
 * </ol>
 *
 * <p>How each generalises to schedules of several conditions is stated on
 * {@code org.capledger.ledger.vesting.VestingSchedule}.
 */
public enum AllocationType {
    /** The amount vested so far is the exact amount rounded half up to a whole share. */
    CUMULATIVE_ROUNDING,
    /** The amount vested so far is the exact amount rounded down to a whole share. */
    CUMULATIVE_ROUND_DOWN,
    /** Equal whole tranches; the shares left over go one each to the earliest tranches. */
    FRONT_LOADED,
    /** Equal whole tranches; the shares left over go one each to the latest tranches. */
    BACK_LOADED,
    /** Equal whole tranches; all the shares left over go to the first tranche. */
    FRONT_LOADED_TO_SINGLE_TRANCHE,
    /** Equal whole tranches; all the shares left over go to the last tranche. */
    BACK_LOADED_TO_SINGLE_TRANCHE,
    /** No rounding to whole shares: exact amounts (to the ten decimal places a quantity holds). */
    FRACTIONAL
}
