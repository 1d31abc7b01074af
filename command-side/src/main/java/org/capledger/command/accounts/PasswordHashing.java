package org.capledger.command.accounts;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Interim: replaced by the Argon2id implementation of branch 'passwords'. */
@Component
public class PasswordHashing {

    private final PasswordEncoder encoder =
            org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final String nobody = encoder.encode("capledger-nobody-placeholder");

    public String hash(String raw) {
        return encoder.encode(raw);
    }

    public boolean matches(String raw, String hash) {
        return encoder.matches(raw, hash);
    }

    public boolean matchesNobody(String raw) {
        encoder.matches(raw, nobody);
        return false;
    }
}
