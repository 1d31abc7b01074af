package org.capledger.api.vesting;

import java.time.LocalDate;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * OCF 1.2 {@code enums/VestingDayOfMonth}: the day of the month on which a period counted in
 * {@link VestingPeriodType#MONTHS months} vests. JSON form: OCF's literal ({@code "01"} to {@code "28"},
 * {@code "29_OR_LAST_DAY_OF_MONTH"}, ..., {@code "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH"}).
 *
 * <ul>
 *   <li>{@code 01} to {@code 28}: that day of every month.</li>
 *   <li>{@code 29/30/31_OR_LAST_DAY_OF_MONTH}: that day, or the month's last day in shorter months (with
 *       {@code 31}: Jan 31, Feb 28 or 29, Mar 31, Apr 30).</li>
 *   <li>{@code VESTING_START_DAY_OR_LAST_DAY_OF_MONTH}: the day of the month of the vesting start, or the month's
 *       last day in shorter months (a start on Jan 30 vests on Feb 28, then Mar 30).</li>
 * </ul>
 */
public enum VestingDayOfMonth {
    DAY_01("01", 1),
    DAY_02("02", 2),
    DAY_03("03", 3),
    DAY_04("04", 4),
    DAY_05("05", 5),
    DAY_06("06", 6),
    DAY_07("07", 7),
    DAY_08("08", 8),
    DAY_09("09", 9),
    DAY_10("10", 10),
    DAY_11("11", 11),
    DAY_12("12", 12),
    DAY_13("13", 13),
    DAY_14("14", 14),
    DAY_15("15", 15),
    DAY_16("16", 16),
    DAY_17("17", 17),
    DAY_18("18", 18),
    DAY_19("19", 19),
    DAY_20("20", 20),
    DAY_21("21", 21),
    DAY_22("22", 22),
    DAY_23("23", 23),
    DAY_24("24", 24),
    DAY_25("25", 25),
    DAY_26("26", 26),
    DAY_27("27", 27),
    DAY_28("28", 28),
    DAY_29_OR_LAST_DAY_OF_MONTH("29_OR_LAST_DAY_OF_MONTH", 29),
    DAY_30_OR_LAST_DAY_OF_MONTH("30_OR_LAST_DAY_OF_MONTH", 30),
    DAY_31_OR_LAST_DAY_OF_MONTH("31_OR_LAST_DAY_OF_MONTH", 31),
    VESTING_START_DAY_OR_LAST_DAY_OF_MONTH("VESTING_START_DAY_OR_LAST_DAY_OF_MONTH", 0);

    private final String ocf;
    private final int day;

    VestingDayOfMonth(String ocf, int day) {
        this.ocf = ocf;
        this.day = day;
    }

    /**
     * @param vestingStartDay the day of the month (1 to 31) on which vesting started; used only by
     *                        {@link #VESTING_START_DAY_OR_LAST_DAY_OF_MONTH}
     * @return the vesting date in {@code month}: the rule's day, or the month's last day if the month is shorter
     */
    public LocalDate dateIn(YearMonth month, int vestingStartDay) {
        int wanted = this == VESTING_START_DAY_OR_LAST_DAY_OF_MONTH ? vestingStartDay : day;
        return month.atDay(Math.min(wanted, month.lengthOfMonth()));
    }

    /** @throws CapledgerException INVALID_VESTING_TERMS when {@code text} is not one of OCF's literals */
    @JsonCreator
    public static VestingDayOfMonth ofOcf(String text) {
        for (VestingDayOfMonth d : values()) {
            if (d.ocf.equals(text)) {
                return d;
            }
        }
        throw new CapledgerException(ErrorCode.INVALID_VESTING_TERMS, "dayOfMonth must be \"01\" to \"28\", "
                + "\"29_OR_LAST_DAY_OF_MONTH\", \"30_OR_LAST_DAY_OF_MONTH\", \"31_OR_LAST_DAY_OF_MONTH\" or "
                + "\"VESTING_START_DAY_OR_LAST_DAY_OF_MONTH\"");
    }

    /** @return OCF's literal, e.g. {@code "05"} or {@code "31_OR_LAST_DAY_OF_MONTH"} */
    @JsonValue
    public String ocf() {
        return ocf;
    }
}
