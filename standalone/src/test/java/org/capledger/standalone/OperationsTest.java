package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Health probes, the OpenAPI document and Swagger UI. */
class OperationsTest extends EndToEndTest {

    @Test
    void livenessAndReadinessIncludeDatabaseAndEventProcessors() {
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        JsonNode readiness = api.get("/actuator/health/readiness").json();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("eventProcessors").get("details").has("read-models")).isTrue();
        JsonNode publicView = anonymous.get("/actuator/health/readiness").json();
        assertThat(publicView.get("status").asString()).isEqualTo("UP");
        assertThat(publicView.has("components")).as("details only for administrators").isFalse();
    }

    @Test
    void openApiDocumentDescribesEveryOperationWithSummaryAndErrors() {
        JsonNode openApi = api.get("/v3/api-docs").json();
        assertThat(openApi.get("openapi").asString()).startsWith("3.1");
        JsonNode paths = openApi.get("paths");
        assertThat(paths.has("/api/issuers")).isTrue();
        assertThat(paths.has("/api/issuers/{issuerId}/stock-issuances")).isTrue();
        assertThat(paths.has("/api/issuers/{issuerId}/cap-table")).isTrue();
        assertThat(paths.has("/api/issuers/{issuerId}/audit-trail")).isTrue();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            assertThat(operation.getValue().has("summary")).as(path.getKey() + " " + operation.getKey()).isTrue();
            assertThat(operation.getValue().get("responses").propertyNames()).as(path.getKey() + " success")
                    .anyMatch(status -> status.startsWith("2"));
            assertThat(operation.getValue().get("responses").propertyNames()).as(path.getKey() + " errors")
                    .anyMatch(status -> status.startsWith("4"));
        }));
        JsonNode issue = paths.get("/api/issuers/{issuerId}/stock-issuances").get("post");
        assertThat(issue.get("responses").has("422")).isTrue();
        assertThat(issue.get("responses").has("201")).isTrue();
        JsonNode quantity = openApi.get("components").get("schemas").get("IssueStockRequest").get("properties")
                .get("quantity");
        assertThat(quantity.get("type").asString()).isEqualTo("string");
        assertThat(openApi.get("components").get("schemas").get("IssueStockRequest").get("properties")
                .get("pricePerShare").get("properties").has("currency")).isTrue();
    }

    /** What Swagger UI's Authorize button needs: a bearer scheme, required by every operation. */
    @Test
    void theApiDescriptionOffersBearerAuthorizationForEveryOperation() {
        JsonNode openApi = anonymous.get("/v3/api-docs").json();
        JsonNode bearer = openApi.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(openApi.get("security").get(0).has("bearer")).isTrue();
        JsonNode uiSettings = anonymous.get("/v3/api-docs/swagger-config").json();
        assertThat(uiSettings.path("persistAuthorization").asBoolean(false)).as("tokens kept in the page only")
                .isFalse();
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response ui = api.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("Swagger UI");
    }
}
