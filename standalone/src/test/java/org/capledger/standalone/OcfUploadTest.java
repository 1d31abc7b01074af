package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two ways to upload a package, and the upload's size limit ({@code capledger.ocf.import.max-size}). */
class OcfUploadTest extends EndToEndTest {

    @Test
    void aMultipartUploadImportsLikeAZipBody() throws Exception {
        String id = "multipart-" + UUID.randomUUID();
        byte[] zip = OcfPackages.of("/ocf/handwritten/valid")
                .edit("Manifest.ocf.json", s -> s.replace("handwritten-issuer", id)).zip();
        String boundary = "capledger-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\"valid.ocf.zip\""
                + "\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/ocf/imports"))
                .header("Authorization", "Bearer " + api.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode status = JsonMapper.builder().build().readTree(accepted.body());
        assertThat(status.get("fileName").asString()).isEqualTo("valid.ocf.zip");
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode done = OcfPackages.awaitImport(api, location, java.time.Duration.ofMinutes(1));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("IMPORTED");
        assertThat(done.get("issuerId").asString()).isEqualTo(id);
    }

    @Test
    void anUploadAboveTheLimitIsRefusedWith413BeforeItIsRead() throws IOException {
        long before = count("ocf_import");
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/ocf/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + api.token()
                    + "\r\nContent-Type: application/zip\r\nContent-Length: " + (200L * 1024 * 1024)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("PAYLOAD_TOO_LARGE");
        }
        assertThat(count("ocf_import")).isEqualTo(before);
    }
}
