package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.capledger.platform.ocf.OcfReport;
import org.capledger.platform.ocf.OcfValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fetching OCF exports over HTTP, opening them and validating them with the importer's validator. */
final class OcfExports {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OcfValidator VALIDATOR = new OcfValidator();
    /** Issuers {@link #checkEveryNewIssuer} already exported. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private OcfExports() {
    }

    /** @return the answer to {@code GET .../ocf-export}, {@code asOf} optional */
    static HttpResponse<byte[]> export(int port, String token, String issuerId, String asOf) {
        return export(port, token, issuerId, asOf, null);
    }

    /** As {@link #export(int, String, String, String)}, once the read models have reached {@code position}. */
    static HttpResponse<byte[]> export(int port, String token, String issuerId, String asOf, String position) {
        String query = asOf == null ? "" : "?asOf=" + asOf;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/issuers/" + issuerId + "/ocf-export" + query)).header("Authorization", "Bearer " + token);
            if (position != null) {
                request.header("Capledger-Position", position);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the validator's report on a package (errors and warnings) */
    static OcfReport validate(byte[] zip) {
        try {
            Path file = Files.createTempFile("export", ".ocf.zip");
            try {
                Files.write(file, zip);
                return VALIDATOR.validate(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The export validates against the OCF 1.2 schemas with no error (warnings allowed). */
    static void assertValid(byte[] zip) {
        assertThat(validate(zip).errors()).as("schema errors in the export").isEmpty();
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** @return the {@code items} of a file of the package */
    static JsonNode items(Map<String, byte[]> files, String name) {
        return JSON.readTree(files.get(name)).get("items");
    }

    /**
     * Exports every issuer the platform administrator sees that no earlier call exported, as of today, and checks
     * that each package validates with no error and makes the exact round trip ({@link OcfRoundTrip}); the only
     * refusal allowed is OCF_EXPORT_UNSUPPORTED for a split that adjusted grants or warrants, which OCF 1.2 cannot
     * express.
     *
     * @return how many issuers were exported
     */
    static int checkEveryNewIssuer(Api admin, int port) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int page = 0; ; page++) {
            JsonNode list = admin.get("/api/issuers?size=200&sort=createdAt&page=" + page).json();
            for (JsonNode issuer : list.get("items")) {
                String id = issuer.get("issuerId").asString();
                if (!CHECKED.add(id)) {
                    continue;
                }
                checked++;
                HttpResponse<byte[]> response = export(port, admin.token(), id, null);
                String name = issuer.get("legalName").asString() + " (" + id + ")";
                if (response.statusCode() == 200) {
                    OcfReport report = validate(response.body());
                    report.errors().forEach(e -> failures.add(name + ": " + e));
                    if (report.errors().isEmpty()) {
                        OcfRoundTrip.Result roundTrip = OcfRoundTrip.of(admin, port, id);
                        if (roundTrip.importedIssuerId() != null) {
                            CHECKED.add(roundTrip.importedIssuerId());
                        }
                        roundTrip.differences().forEach(d -> failures.add(name + ", round trip: " + d));
                    }
                } else {
                    JsonNode problem = JSON.readTree(response.body());
                    boolean splitOfGrants = response.statusCode() == 422
                            && problem.path("code").asString().equals("OCF_EXPORT_UNSUPPORTED")
                            && Api.strings(problem.get("eventTypes"))
                            .equals(List.of("StockClassSplit adjusting grants or warrants"));
                    if (!splitOfGrants) {
                        failures.add(name + ": " + response.statusCode() + " " + problem);
                    }
                }
            }
            if (page + 1 >= list.get("totalPages").asInt()) {
                break;
            }
        }
        assertThat(failures).as("OCF exports of the issuers the tests made").isEmpty();
        return checked;
    }
}
