package org.capledger.api.vesting;

import static org.capledger.api.vesting.VestingTermsValidation.invalid;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What enters a {@link VestingCondition} (OCF 1.2 {@code types/vesting/Vesting*Trigger}). JSON form: an object whose
 * {@code type} is the {@link VestingTriggerType} name, e.g. {@code {"type": "VESTING_SCHEDULE_ABSOLUTE", "date":
 * "2025-01-01"}}.
 *
 * <p>Only {@link Start} and {@link Event} need a recorded transaction; {@link Absolute} and {@link Relative} fire by
 * the passage of time (OCF {@code docs/VestingTerms.md}, Example 2).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = VestingTrigger.Start.class, name = "VESTING_START_DATE"),
        @JsonSubTypes.Type(value = VestingTrigger.Absolute.class, name = "VESTING_SCHEDULE_ABSOLUTE"),
        @JsonSubTypes.Type(value = VestingTrigger.Relative.class, name = "VESTING_SCHEDULE_RELATIVE"),
        @JsonSubTypes.Type(value = VestingTrigger.Event.class, name = "VESTING_EVENT")})
public sealed interface VestingTrigger {

    /** @return which kind of trigger this is */
    @JsonIgnore
    VestingTriggerType type();

    static Start vestingStart() {
        return new Start();
    }

    static Absolute on(LocalDate date) {
        return new Absolute(date);
    }

    static Relative after(VestingPeriod period, String relativeToConditionId) {
        return new Relative(period, relativeToConditionId);
    }

    static Event event() {
        return new Event();
    }

    /**
     * Met on the security's vesting commencement date, recorded as a vesting start ({@code TX_VESTING_START};
     * OCF {@code types/vesting/VestingStartTrigger}).
     */
    record Start() implements VestingTrigger {
        @Override
        public VestingTriggerType type() {
            return VestingTriggerType.VESTING_START_DATE;
        }
    }

    /**
     * Met on a fixed date, whatever else happened (OCF {@code types/vesting/VestingScheduleAbsoluteTrigger}).
     *
     * @param date the calendar date, required
     */
    record Absolute(LocalDate date) implements VestingTrigger {
        public Absolute {
            if (date == null) {
                throw invalid("an absolute trigger needs a date");
            }
        }

        @Override
        public VestingTriggerType type() {
            return VestingTriggerType.VESTING_SCHEDULE_ABSOLUTE;
        }
    }

    /**
     * Met {@code period} after the condition {@code relativeToConditionId} was met, as often as the period's
     * occurrences say (OCF {@code types/vesting/VestingScheduleRelativeTrigger}). That condition must come before
     * this one on some route through {@code nextConditionIds}; if the route actually taken did not pass through it,
     * this condition cannot fire.
     *
     * @param period                the delay and repetition, required
     * @param relativeToConditionId the id of an earlier condition in the same terms, required
     */
    record Relative(VestingPeriod period, String relativeToConditionId) implements VestingTrigger {
        public Relative {
            if (period == null) {
                throw invalid("a relative trigger needs a period");
            }
            if (relativeToConditionId == null || relativeToConditionId.isBlank()) {
                throw invalid("a relative trigger needs relativeToConditionId");
            }
        }

        @Override
        public VestingTriggerType type() {
            return VestingTriggerType.VESTING_SCHEDULE_RELATIVE;
        }
    }

    /**
     * Met when an unscheduled event is recorded for the security against this condition ({@code TX_VESTING_EVENT};
     * OCF {@code types/vesting/VestingEventTrigger}), e.g. an acquisition.
     */
    record Event() implements VestingTrigger {
        @Override
        public VestingTriggerType type() {
            return VestingTriggerType.VESTING_EVENT;
        }
    }
}
