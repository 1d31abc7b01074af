package org.capledger.command.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The password policy, one instance: it holds the list of common passwords in memory. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy();
    }
}
