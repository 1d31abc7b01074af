package org.capledger.standalone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * OCF packages for the import tests, as zip files: a package folder from the test classpath (the platform module's
 * {@code ocf/packages/*} and {@code ocf/handwritten/*}, or this module's {@code ocf/*}), optionally with files replaced
 * or edited and the manifest's MD5s written for the files as they then are.
 */
final class OcfPackages {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private OcfPackages() {
    }

    /**
     * @param folder a classpath folder with a {@code Manifest.ocf.json}, e.g. {@code /ocf/packages/quickstart}; found
     *               by its manifest, since other jars on the test classpath have folders of the same name
     */
    static OcfPackages of(String folder) {
        OcfPackages ocf = new OcfPackages();
        URL url = OcfPackages.class.getResource(folder + "/Manifest.ocf.json");
        if (url == null) {
            throw new IllegalArgumentException("no test resource folder " + folder);
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    ocf.read(jar.getPath(folder));
                }
            } else {
                ocf.read(Path.of(uri).getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return ocf;
    }

    private void read(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }

    /** Replaces a file's text with what {@code edit} makes of it. */
    OcfPackages edit(String file, UnaryOperator<String> edit) {
        byte[] content = files.get(file);
        if (content == null) {
            throw new IllegalArgumentException("no file " + file + " in " + files.keySet());
        }
        files.put(file, edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Writes each listed file's actual MD5 into the manifest, as an exporter would. */
    OcfPackages withChecksums() {
        return edit("Manifest.ocf.json", manifest -> {
            String out = manifest;
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out = out.replaceAll("(\"filepath\"\\s*:\\s*\"(\\./)?" + java.util.regex.Pattern.quote(file.getKey())
                        + "\"\\s*,\\s*\"md5\"\\s*:\\s*\")[0-9a-fA-F]{32}", "$1" + md5(file.getValue()));
            }
            return out;
        });
    }

    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Uploads a package ({@code POST /api/ocf/imports}, a zip body) and waits for its import to end.
     *
     * @param query e.g. {@code ?checksumMismatch=WARNING}, or empty
     * @return the import's final status
     */
    static tools.jackson.databind.JsonNode importAndWait(Api api, byte[] zip, String query,
                                                         java.time.Duration patience) {
        Api.Response accepted = api.post("/api/ocf/imports" + query, zip, "application/zip");
        if (accepted.status() != 202) {
            throw new AssertionError("import refused: " + accepted.status() + " " + accepted.text());
        }
        String location = accepted.header("Location");
        if (location == null || !location.startsWith("/api/ocf/imports/")) {
            throw new AssertionError("no import to poll: " + location);
        }
        return awaitImport(api, location, patience);
    }

    /** Polls the import at {@code location} until it is neither QUEUED nor RUNNING; @return its final status */
    static tools.jackson.databind.JsonNode awaitImport(Api api, String location, java.time.Duration patience) {
        java.time.Instant deadline = java.time.Instant.now().plus(patience);
        while (java.time.Instant.now().isBefore(deadline)) {
            tools.jackson.databind.JsonNode status = api.get(location).json();
            String state = status.get("status").asString();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return status;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import did not end in " + patience);
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
