package org.capledger.command.accounts;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.springframework.stereotype.Component;

/** Interim: replaced by the NIST SP 800-63B policy of branch 'passwords'. */
@Component
public class PasswordPolicy {

    public void check(String email, String password) {
        if (password == null || password.codePointCount(0, password.length()) < 12) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "password must have at least 12 characters");
        }
    }
}
