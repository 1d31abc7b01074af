package org.capledger.platform.ocf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.capledger.platform.ocf.OcfReport.Item;
import org.capledger.platform.ocf.OcfReport.Rule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OCF package opened for reading: a folder, or a {@code *.ocf.zip} whose entries are streamed from the archive one
 * at a time, never unpacked. Opening finds the manifest ({@code Manifest.ocf.json}, the shallowest one; a zip may
 * hold the package in a folder of its own), reads it, and matches every file it lists to a file of the package.
 * What goes wrong on the way (no manifest, a listed file missing, a file named slightly differently) is collected in
 * {@link #problems()} rather than thrown, so that a report can list it with everything else. Reading the files
 * themselves, and checking them, is {@link OcfValidator}'s job.
 */
public final class OcfPackage implements AutoCloseable {

    /** The manifest's file name; matched without regard to case. */
    public static final String MANIFEST = "Manifest.ocf.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A file of the package that the manifest lists.
     *
     * @param ref  the manifest's entry: type, {@code filepath} and {@code md5} as written
     * @param name the file's path within the package, {@code /}-separated ({@code Stakeholders.ocf.json})
     */
    public record File(OcfManifest.FileRef ref, String name) {
    }

    private final String name;
    private final Source source;
    private final String manifestName;
    private final OcfManifest manifest;
    private final List<File> files;
    private final List<Item> problems;

    private OcfPackage(String name, Source source, String manifestName, OcfManifest manifest, List<File> files,
            List<Item> problems) {
        this.name = name;
        this.source = source;
        this.manifestName = manifestName;
        this.manifest = manifest;
        this.files = List.copyOf(files);
        this.problems = List.copyOf(problems);
    }

    /**
     * Opens a package: a folder, or a zip file (any name; OCF recommends {@code *.ocf.zip}). Never throws for what
     * is wrong with the package: that is in {@link #problems()}.
     */
    public static OcfPackage open(Path path) {
        String name = String.valueOf(path.getFileName());
        Source source;
        try {
            if (Files.isDirectory(path)) {
                source = new FolderSource(path);
            } else if (Files.isRegularFile(path)) {
                source = new ZipSource(path);
            } else {
                throw new NoSuchFileException(path.toString());
            }
        } catch (IOException | UncheckedIOException e) {
            Item problem = Item.error(Rule.UNREADABLE_PACKAGE, null, null, null,
                    "Not a readable folder or zip file: " + message(e));
            return new OcfPackage(name, Source.EMPTY, null, null, List.of(), List.of(problem));
        }
        return read(name, source);
    }

    private static OcfPackage read(String name, Source source) {
        List<Item> problems = new ArrayList<>();
        List<String> manifests = source.names().stream()
                .filter(n -> lastSegment(n).equalsIgnoreCase(MANIFEST))
                .sorted(Comparator.comparingInt(OcfPackage::depth).thenComparing(Comparator.naturalOrder()))
                .toList();
        if (manifests.isEmpty()) {
            problems.add(Item.error(Rule.MANIFEST_NOT_FOUND, null, null, null,
                    "The package has no " + MANIFEST + ": it is not an OCF package, or its manifest is misnamed"));
            return new OcfPackage(name, source, null, null, List.of(), problems);
        }
        if (manifests.size() > 1 && depth(manifests.get(1)) == depth(manifests.get(0))) {
            problems.add(Item.error(Rule.MANIFEST_NOT_FOUND, null, null, null,
                    "The package has several manifests at the same level: " + manifests));
            return new OcfPackage(name, source, null, null, List.of(), problems);
        }
        String manifestPath = manifests.get(0);
        String root = manifestPath.substring(0, manifestPath.length() - lastSegment(manifestPath).length());
        Source rooted = source.under(root);
        String manifestName = manifestPath.substring(root.length());

        JsonNode json;
        try (InputStream in = rooted.open(manifestName)) {
            json = JSON.readTree(in);
        } catch (JacksonException e) {
            problems.add(Item.error(Rule.INVALID_JSON, manifestName, null, null, OcfValidator.describe(e)));
            return new OcfPackage(name, rooted, manifestName, null, List.of(), problems);
        } catch (IOException | UncheckedIOException e) {
            problems.add(Item.error(Rule.UNREADABLE_PACKAGE, manifestName, null, null, message(e)));
            return new OcfPackage(name, rooted, manifestName, null, List.of(), problems);
        }
        // a manifest that is not an object lists no file; the manifest schema says what it should have been
        OcfManifest manifest = OcfManifest.of(json == null ? JSON.missingNode() : json);
        List<File> files = resolve(manifest, manifestName, rooted.names(), problems);
        return new OcfPackage(name, rooted, manifestName, manifest, files, problems);
    }

    /**
     * Matches the manifest's entries to the package's files: by exact path, else (the quirk of exporters who name
     * {@code ./Stakeholders.json} for {@code Stakeholders.ocf.json}) by the one file whose path differs only in case
     * and in a {@code .json} or {@code .ocf.json} ending, with a warning. No match, or several, is an error.
     */
    private static List<File> resolve(OcfManifest manifest, String manifestName, List<String> names,
            List<Item> problems) {
        Set<String> present = new HashSet<>(names);
        Set<String> exact = new HashSet<>();
        for (OcfManifest.FileRef ref : manifest.allFiles()) {
            if (present.contains(normalize(ref.filepath()))) {
                exact.add(normalize(ref.filepath()));
            }
        }
        Map<String, OcfManifest.FileRef> used = new LinkedHashMap<>();
        List<File> files = new ArrayList<>();
        for (OcfManifest.FileRef ref : manifest.allFiles()) {
            String wanted = normalize(ref.filepath());
            String found = null;
            if (present.contains(wanted)) {
                found = wanted;
            } else {
                List<String> close = names.stream()
                        .filter(n -> !n.equals(manifestName) && !exact.contains(n) && !used.containsKey(n))
                        .filter(n -> looseKey(n).equals(looseKey(wanted)))
                        .toList();
                if (close.size() == 1) {
                    found = close.get(0);
                    problems.add(Item.warning(Rule.FILE_NAME_MISMATCH, manifestName, null,
                            where(manifest, ref),
                            "The manifest names " + ref.filepath() + "; read " + found
                                    + ", the one file of the package that matches it"));
                } else if (close.isEmpty()) {
                    problems.add(Item.error(Rule.FILE_NOT_FOUND, manifestName, null,
                            where(manifest, ref),
                            "The manifest lists " + ref.filepath() + ", which is not in the package"));
                } else {
                    problems.add(Item.error(Rule.FILE_AMBIGUOUS, manifestName, null,
                            where(manifest, ref),
                            "The manifest lists " + ref.filepath() + ", which is not in the package, and "
                                    + close.size() + " files come close: " + close));
                }
            }
            if (found == null) {
                continue;
            }
            OcfManifest.FileRef earlier = used.putIfAbsent(found, ref);
            if (earlier != null) {
                problems.add(Item.error(Rule.FILE_LISTED_TWICE, manifestName, null,
                        where(manifest, ref),
                        "The manifest lists " + found + " twice (as " + earlier.filepath() + " in "
                                + earlier.type().manifestKey().orElseThrow() + " and as " + ref.filepath() + ")"));
                continue;
            }
            files.add(new File(ref, found));
        }
        names.stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".json"))
                .filter(n -> !n.equals(manifestName) && !used.containsKey(n))
                .sorted()
                .forEach(n -> problems.add(Item.warning(Rule.FILE_NOT_LISTED, n, null, null,
                        "The manifest does not list this file; it is not read")));
        return files;
    }

    /** A manifest entry's JSON path, e.g. {@code $.stakeholders_files[0]}. */
    private static String where(OcfManifest manifest, OcfManifest.FileRef ref) {
        return "$." + ref.type().manifestKey().orElseThrow() + "[" + manifest.files().get(ref.type()).indexOf(ref)
                + "]";
    }

    /** The package's name: the folder's or the zip file's. */
    public String name() {
        return name;
    }

    /** The manifest's path within the package, if one was found. */
    public Optional<String> manifestName() {
        return Optional.ofNullable(manifestName);
    }

    /** The manifest, if one was found and is a JSON object. */
    public Optional<OcfManifest> manifest() {
        return Optional.ofNullable(manifest);
    }

    /** The files the manifest lists that are in the package, in manifest order. */
    public List<File> files() {
        return files;
    }

    /** What opening the package found wrong, as report items. */
    public List<Item> problems() {
        return problems;
    }

    /** Streams one file of the package; the caller closes the stream. */
    public InputStream open(String path) throws IOException {
        return source.open(path);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** {@code ./a/./B.json} and {@code a\B.json} are {@code a/B.json}. */
    static String normalize(String filepath) {
        String path = filepath.replace('\\', '/');
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String looseKey(String path) {
        String key = path.toLowerCase(Locale.ROOT);
        if (key.endsWith(".ocf.json")) {
            return key.substring(0, key.length() - ".ocf.json".length());
        }
        if (key.endsWith(".json")) {
            return key.substring(0, key.length() - ".json".length());
        }
        return key;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Where a package's files come from; names are {@code /}-separated paths relative to the package root. */
    private interface Source extends AutoCloseable {
        Source EMPTY = new Source() {
            @Override
            public List<String> names() {
                return List.of();
            }

            @Override
            public InputStream open(String name) throws IOException {
                throw new NoSuchFileException(name);
            }

            @Override
            public void close() {
            }
        };

        List<String> names();

        InputStream open(String name) throws IOException;

        @Override
        void close() throws IOException;

        /** The files below a folder of this source, named relative to it. */
        default Source under(String folder) {
            if (folder.isEmpty()) {
                return this;
            }
            Source outer = this;
            List<String> inner = outer.names().stream()
                    .filter(n -> n.startsWith(folder))
                    .map(n -> n.substring(folder.length()))
                    .toList();
            return new Source() {
                @Override
                public List<String> names() {
                    return inner;
                }

                @Override
                public InputStream open(String name) throws IOException {
                    return outer.open(folder + name);
                }

                @Override
                public void close() throws IOException {
                    outer.close();
                }
            };
        }
    }

    private static final class FolderSource implements Source {
        private final Path root;
        private final List<String> names;

        FolderSource(Path root) throws IOException {
            this.root = root;
            try (Stream<Path> walk = Files.walk(root)) {
                this.names = walk.filter(Files::isRegularFile)
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(OcfPackage::notJunk)
                        .sorted()
                        .toList();
            }
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public InputStream open(String name) throws IOException {
            if (!names.contains(name)) {
                throw new NoSuchFileException(name);
            }
            return Files.newInputStream(root.resolve(name));
        }

        @Override
        public void close() {
        }
    }

    private static final class ZipSource implements Source {
        private final ZipFile zip;
        private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

        ZipSource(Path path) throws IOException {
            this.zip = new ZipFile(path.toFile());
            List<? extends ZipEntry> all = Collections.list(zip.entries());
            for (ZipEntry entry : all) {
                String name = entry.getName().replace('\\', '/');
                if (!entry.isDirectory() && notJunk(name)) {
                    entries.putIfAbsent(name, entry);
                }
            }
        }

        @Override
        public List<String> names() {
            return entries.keySet().stream().sorted().toList();
        }

        @Override
        public InputStream open(String name) throws IOException {
            ZipEntry entry = entries.get(name);
            if (entry == null) {
                throw new NoSuchFileException(name);
            }
            return zip.getInputStream(entry);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Folders and files that archivers and desktops add: never part of a package. */
    private static boolean notJunk(String name) {
        return !name.startsWith("__MACOSX/") && !lastSegment(name).equals(".DS_Store");
    }
}
