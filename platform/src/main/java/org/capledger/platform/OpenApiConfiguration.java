package org.capledger.platform;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.Money;
import org.capledger.api.value.Quantity;
import org.capledger.api.value.SecurityId;
import org.capledger.api.value.StakeholderId;
import org.capledger.api.value.StockClassId;
import org.capledger.ledger.Percent;
import org.springdoc.core.utils.SpringDocUtils;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI 3.1 document metadata (springdoc serves it at /v3/api-docs and Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    static {
        // value types serialise as strings (or Monetary objects) through @JsonValue; describe them so
        StringSchema id = new StringSchema();
        id.setPattern("[A-Za-z0-9._:-]{1,128}");
        id.setExample("0c21a4fd-f758-4e8a-b0ec-3fab5a5dc452");
        StringSchema decimal = new StringSchema();
        decimal.setPattern("-?\\d{1,30}(\\.\\d{1,10})?");
        decimal.setDescription("Exact decimal as a string, at most 10 decimal places");
        decimal.setExample("5000");
        StringSchema percent = new StringSchema();
        percent.setDescription("Percentage as a string, rounded half-even to 4 decimal places");
        percent.setExample("33.3333");
        Schema<?> money = new ObjectSchema()
                .addProperty("amount", new StringSchema().example("1.25").description("Exact decimal as a string"))
                .addProperty("currency", new StringSchema().example("USD").description("ISO 4217 code"))
                .description("OCF Monetary: an amount and its currency");
        money.setRequired(List.of("amount", "currency"));
        SpringDocUtils.getConfig()
                .replaceWithSchema(IssuerId.class, id)
                .replaceWithSchema(StakeholderId.class, id)
                .replaceWithSchema(StockClassId.class, id)
                .replaceWithSchema(SecurityId.class, id)
                .replaceWithSchema(Quantity.class, decimal)
                .replaceWithSchema(Percent.class, percent)
                .replaceWithSchema(Money.class, money);
    }

    /** Swagger UI's Authorize button takes an access token from POST /api/auth/login. */
    @Bean
    OpenAPI capledgerOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token from POST /api/auth/login")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .info(new Info()
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

    /** Every operation but signing in may answer 401; say so once here instead of on every controller. */
    @Bean
    OpenApiCustomizer unauthenticatedResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (path.equals("/api/auth/login") || path.equals("/api/auth/refresh")
                    || path.equals("/api/invitations/accept")) {
                operation.setSecurity(List.of());
            } else if (operation.getResponses() != null && !operation.getResponses().containsKey("401")) {
                operation.getResponses().addApiResponse("401", new ApiResponse()
                        .description("No valid access token")
                        .content(new Content().addMediaType("application/problem+json", new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
            }
        }));
    }
}
