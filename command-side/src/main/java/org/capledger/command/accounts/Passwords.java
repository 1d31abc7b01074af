package org.capledger.command.accounts;

import java.text.Normalizer;

/** The one place that turns a typed password into the text that is measured, compared and hashed. */
final class Passwords {

    private Passwords() {
    }

    /**
     * NFKC, as NIST SP 800-63B section 5.1.1.2 asks before hashing: the same password typed on another keyboard or
     * input method (full-width digits, a precomposed or a combining accent) must give the same hash. Nothing is
     * trimmed or case-folded, since every character the user chose counts.
     */
    static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
