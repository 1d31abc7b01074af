package org.capledger.platform.ocf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test packages: the copies under {@code src/test/resources/ocf/}, and changed copies of them in a temporary folder. */
final class OcfFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private OcfFixtures() {
    }

    /** A folder or file of the test resources, e.g. {@code ocf/packages/quickstart}. */
    static Path resource(String name) {
        URL url = OcfFixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("No test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a package of the test resources into {@code target}, which it creates. */
    static Path copy(String name, Path target) {
        Path source = resource(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Zips a folder's files, each under {@code prefix} ("" or a folder name ending in {@code /}). */
    static Path zip(Path folder, Path zip, String prefix) {
        try (Stream<Path> walk = Files.walk(folder);
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                out.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    static ObjectNode read(Path file) {
        try {
            return (ObjectNode) JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, JsonNode json) {
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the MD5 of every listed file that exists into the package's manifest, as an exporter would. */
    static void reseal(Path folder) {
        Path manifestFile = folder.resolve(OcfPackage.MANIFEST);
        ObjectNode manifest = read(manifestFile);
        for (OcfFileType type : OcfFileType.values()) {
            type.manifestKey().ifPresent(key -> manifest.path(key).forEach(ref -> {
                Path file = folder.resolve(OcfPackage.normalize(ref.path("filepath").asString()));
                if (Files.exists(file)) {
                    ((ObjectNode) ref).put("md5", md5(file));
                }
            }));
        }
        write(manifestFile, manifest);
    }

    static String md5(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
