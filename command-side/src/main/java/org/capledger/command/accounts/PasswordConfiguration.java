package org.capledger.command.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The password policy and the password hashing, one instance each: the policy holds the list of common passwords
 * in memory, and the hashing holds the dummy hash that login checks when the account is unknown.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy();
    }

    @Bean
    PasswordHashing passwordHashing() {
        return PasswordHashing.argon2id();
    }
}
