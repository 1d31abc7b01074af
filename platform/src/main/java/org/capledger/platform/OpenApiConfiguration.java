package org.capledger.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI 3.1 document metadata (springdoc serves it at /v3/api-docs and Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI capledgerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Capledger API")
                .version("v1")
                .description("""
                        Event-sourced cap table ledger. Commands (POST) record transactions; queries (GET) read \
                        projections or replay the ledger as of any date. Quantities and amounts are decimal \
                        strings. Errors are RFC 9457 problem documents with a stable `code`. Send \
                        `Idempotency-Key` on POSTs to make retries safe, `If-Match` with a version from `ETag` \
                        to refuse stale writes, and `Capledger-Position` from a command response on a query to \
                        read your own writes.""")
                .license(new License().name("Apache-2.0")));
    }
}
