package org.capledger.command.accounts;

import org.capledger.platform.security.AccessTokenSigning;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side signs people in, so it is the one deployable that loads the access-token private key. */
@Configuration(proxyBeanMethods = false)
class AccessTokenSigningConfiguration {

    @Bean
    AccessTokenSigning accessTokenSigning() {
        return new AccessTokenSigning();
    }
}
