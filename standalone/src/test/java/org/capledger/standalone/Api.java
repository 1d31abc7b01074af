package org.capledger.standalone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for end-to-end tests: real requests against the running application. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The highest {@code Capledger-Position} any response from a server (by base URL) carried: commands', and a
     * finished import's. Every GET
     * that names no position of its own sends it, as a well-behaved client reads its own writes; without it a read
     * right after a command races the projections.
     */
    private static final ConcurrentMap<String, Long> LAST_POSITION = new ConcurrentHashMap<>();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String accessToken;

    Api(int port) {
        this(port, null);
    }

    private Api(int port, String accessToken) {
        this.base = "http://localhost:" + port;
        this.accessToken = accessToken;
    }

    /** @return a client that sends {@code Authorization: Bearer} with every request */
    Api as(String token) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), token);
    }

    String token() {
        return accessToken;
    }

    /** Signs in and returns a client carrying the access token. */
    Api login(String email, String password) {
        Response response = post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, password));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response.status() + " " + response.text());
        }
        return as(response.json().get("accessToken").asString());
    }

    record Response(int status, Map<String, List<String>> headers, String text) {

        JsonNode json() {
            return JSON.readTree(text);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String position() {
            return header("Capledger-Position");
        }

        String id() {
            return json().get("id").asString();
        }
    }

    Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    /** GET that first waits (server-side) until the read models have processed {@code after}'s events. */
    Response read(String path, Response after) {
        return get(path, "Capledger-Position", after.position());
    }

    Response post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** POST of a binary body, such as a zip. */
    Response post(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** POST with a fresh Idempotency-Key, as a well-behaved client sends it. */
    Response command(String path, String json) {
        return post(path, json, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** PUT with a fresh Idempotency-Key. */
    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** GET of a binary body (a PDF), after the read models have processed the last command's events. */
    byte[] bytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        Long last = LAST_POSITION.get(base);
        if (last != null) {
            request.header("Capledger-Position", Long.toString(last));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response patch(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** A response whose body is read as bytes, such as a PDF. */
    record Download(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return new Response(status, headers, "").header(name);
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(text());
        }
    }

    /** GET whose body is kept as bytes; reads its own writes like {@link #get}. */
    Download download(String path, String... headers) {
        HttpRequest built = prepare(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest prepare(HttpRequest.Builder request, String... headers) {
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        boolean positioned = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            positioned |= headers[i].equalsIgnoreCase("Capledger-Position");
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        Long last = LAST_POSITION.get(base);
        if (!positioned && last != null && built.method().equals("GET")) {
            built = request.header("Capledger-Position", Long.toString(last)).build();
        }
        return built;
    }

    Response send(HttpRequest.Builder request, String... headers) {
        HttpRequest built = prepare(request, headers);
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers().map(), response.body());
            String position = answer.position();
            if (position != null) {
                LAST_POSITION.merge(base, Long.parseLong(position), Math::max);
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asString()));
        return values;
    }

    /** @return the text of every element of a JSON array of strings */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}
