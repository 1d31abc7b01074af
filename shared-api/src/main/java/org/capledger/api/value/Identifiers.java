package org.capledger.api.value;

import java.util.UUID;
import java.util.regex.Pattern;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * Rules shared by every typed identifier: 1 to 128 characters of letters, digits, {@code . _ : -}. New ids are
 * random UUIDs; ids imported from OCF packages keep their original text.
 */
final class Identifiers {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Identifiers() {
    }

    static String requireValid(String value, String kind) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new CapledgerException(ErrorCode.INVALID_IDENTIFIER,
                    kind + " must be 1 to 128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    static String random() {
        return UUID.randomUUID().toString();
    }
}
