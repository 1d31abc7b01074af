package org.capledger.api.value;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * A stakeholder's name (OCF 1.2 {@code types/Name}).
 *
 * @param legalName full legal name, required, at most 300 characters
 * @param firstName given name, for individuals; optional
 * @param lastName  family name, for individuals; optional
 */
public record StakeholderName(String legalName, String firstName, String lastName) {

    public StakeholderName {
        if (legalName == null || legalName.isBlank() || legalName.length() > 300) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "legalName is required, at most 300 characters");
        }
        legalName = legalName.strip();
        firstName = blankToNull(firstName);
        lastName = blankToNull(lastName);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
