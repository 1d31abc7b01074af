package org.capledger.standalone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The round trip of issue 6: an issuer exported, the export imported (a new issuer, the original's id being taken),
 * and the import exported again. Exact means the two exports are the same files apart from {@code generated_at}
 * and the issuer's id, and the two issuers show the same cap table and securities.
 */
final class OcfRoundTrip {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OcfRoundTrip() {
    }

    /** The outcome: the imported issuer's id (null if the import failed) and every difference found. */
    record Result(String importedIssuerId, List<String> differences) {
    }

    static Result of(Api admin, int port, String issuerId) {
        List<String> differences = new ArrayList<>();
        HttpResponse<byte[]> first = OcfExports.export(port, admin.token(), issuerId, null);
        if (first.statusCode() != 200) {
            return new Result(null, List.of("export: " + first.statusCode() + " " + new String(first.body())));
        }
        JsonNode status = OcfPackages.importAndWait(admin, first.body(), "", Duration.ofMinutes(2));
        if (!status.get("status").asString().equals("IMPORTED")) {
            List<String> errors = new ArrayList<>();
            status.get("report").forEach(i -> {
                if (i.get("severity").asString().equals("ERROR")) {
                    errors.add("import: " + i.get("rule").asString() + " " + i.path("itemId").asString("") + " "
                            + i.get("message").asString());
                }
            });
            return new Result(null, errors.isEmpty() ? List.of("import: " + status) : errors);
        }
        String imported = status.get("issuerId").asString();
        String position = status.path("position").asString("");
        HttpResponse<byte[]> second = OcfExports.export(port, admin.token(), imported, null, position);
        for (int retry = 0; second.statusCode() == 503 && retry < 120; retry++) {
            // a large import takes the projections longer than a query waits for them
            sleep(1000);
            second = OcfExports.export(port, admin.token(), imported, null, position);
        }
        if (second.statusCode() != 200) {
            return new Result(imported, List.of("second export: " + second.statusCode()));
        }
        Map<String, byte[]> before = OcfExports.unzip(first.body());
        Map<String, byte[]> after = OcfExports.unzip(second.body());
        if (!before.keySet().equals(after.keySet())) {
            differences.add("files: " + before.keySet() + " then " + after.keySet());
        }
        for (String file : before.keySet()) {
            if (!after.containsKey(file)) {
                continue;
            }
            JsonNode a = normalized(new String(before.get(file)), null, null);
            JsonNode b = normalized(new String(after.get(file)), imported, issuerId);
            if (!a.equals(b)) {
                differences.add(file + " differs: " + firstDifference(a, b));
            }
        }
        for (String query : List.of("/cap-table", "/securities?size=200&sort=label")) {
            String a = admin.get("/api/issuers/" + issuerId + query, "Capledger-Position", position).text();
            String b = admin.get("/api/issuers/" + imported + query, "Capledger-Position", position).text()
                    .replace(imported, issuerId);
            JsonNode left = withoutTimes(JSON.readTree(a));
            JsonNode right = withoutTimes(JSON.readTree(b));
            if (!left.equals(right)) {
                differences.add(query + " differs: " + firstDifference(left, right));
            }
        }
        return new Result(imported, differences);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The file's JSON with the imported issuer's id read as the original's, and without {@code generated_at}. */
    private static JsonNode normalized(String text, String from, String to) {
        JsonNode json = JSON.readTree(from == null ? text : text.replace(from, to));
        if (json instanceof ObjectNode object) {
            object.remove("generated_at");
            for (String list : List.of("stakeholders_files", "stock_classes_files", "stock_plans_files",
                    "vesting_terms_files", "transactions_files")) {
                // the MD5s follow the files, which are compared themselves
                object.path(list).forEach(f -> ((ObjectNode) f).remove("md5"));
            }
        }
        return json;
    }

    /** Read-model times (when rows were recorded or updated) differ by nature between the two issuers. */
    private static JsonNode withoutTimes(JsonNode json) {
        if (json instanceof ObjectNode object) {
            for (String field : List.of("recordedAt", "createdAt", "updatedAt", "version", "generatedAt")) {
                object.remove(field);
            }
            object.properties().forEach(e -> withoutTimes(e.getValue()));
        } else if (json.isArray()) {
            json.forEach(OcfRoundTrip::withoutTimes);
        }
        return json;
    }

    /** A short description of where two JSON trees first differ. */
    static String firstDifference(JsonNode a, JsonNode b) {
        return firstDifference("$", a, b);
    }

    private static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            return path + ": " + a + " then " + b;
        }
        if (a.isObject()) {
            for (String name : a.propertyNames()) {
                if (!a.get(name).equals(b.get(name))) {
                    return firstDifference(path + "." + name, a.get(name), b.get(name));
                }
            }
            for (String name : b.propertyNames()) {
                if (!a.has(name)) {
                    return path + "." + name + ": absent then " + b.get(name);
                }
            }
        } else if (a.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                if (i >= a.size() || i >= b.size()) {
                    return path + ": " + a.size() + " items then " + b.size();
                }
                if (!a.get(i).equals(b.get(i))) {
                    return firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                }
            }
        }
        String left = a.toString();
        String right = b.toString();
        return path + ": " + left.substring(0, Math.min(300, left.length())) + " then "
                + right.substring(0, Math.min(300, right.length()));
    }
}
