package org.capledger.platform.ocf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import org.capledger.platform.ocf.OcfReport.Item;
import org.capledger.platform.ocf.OcfReport.Rule;
import org.capledger.platform.ocf.OcfReport.Severity;
import org.capledger.platform.ocf.OcfSchemas.ItemSchemas;
import org.capledger.platform.ocf.OcfSchemas.ObjectSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an OCF package against the OCF JSON Schemas of its version, offline, and reports every problem: the
 * manifest against the manifest schema, each listed file against its file schema, and each item of a file against
 * its object schema (for the transactions file, the one its {@code object_type} names, which is what the file
 * schema's {@code oneOf} amounts to, with a message about the item's own fields instead of "matches none of 36").
 * Files are streamed: one item is in memory at a time, and its MD5 is computed on the same pass.
 *
 * <p>Exporters' quirks that do not change the meaning are warnings, each with its own {@link Rule}: {@code ""} for
 * an absent optional id, the known dropped fields of {@link DroppedFields}, a manifest {@code ocf_version} the schema
 * does not list, a file the manifest names slightly differently (see {@link OcfPackage}), and transaction types OCF
 * defines but its TransactionsFile schema forgets. Everything else the schemas refuse is an error. What needs the
 * whole package to see (ids that nothing defines, exercises whose stock is never issued) is the importer's to add.
 *
 * <p>Stateless and thread-safe.
 */
public final class OcfValidator {

    /** Leaves the stream open at the end of the document, so that the rest can still be read for the MD5. */
    private static final JsonMapper JSON = JsonMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * How to validate.
     *
     * @param version          the schemas to use; {@code null} for the package's own version (its manifest's
     *                         {@code ocf_version}), or the newest bundled one when that is not bundled
     * @param checksumMismatch what a file whose MD5 differs from the manifest's is: an error (the default), or a
     *                         warning for packages known to carry stale checksums, as OCF's own samples do
     */
    public record Options(OcfVersion version, Severity checksumMismatch) {

        public Options {
            Objects.requireNonNull(checksumMismatch, "checksumMismatch");
        }

        public static Options defaults() {
            return new Options(null, Severity.ERROR);
        }

        public Options withVersion(OcfVersion version) {
            return new Options(version, checksumMismatch);
        }

        public Options withChecksumMismatch(Severity severity) {
            return new Options(version, severity);
        }
    }

    /**
     * An item of a file, handed over as soon as it has been checked, so that a caller can use the package in the same
     * pass without holding it all in memory.
     *
     * @param file       the file's path within the package
     * @param fileType   the file's type (the manifest's, for a package)
     * @param index      position in the file's {@code items}
     * @param id         the item's {@code id}, if it has one
     * @param objectType the item's {@code object_type}, if it has one
     * @param schema     the object schema it was checked against, relative to the version's schema root
     *                   ({@code objects/transactions/issuance/StockIssuance.schema.json}); {@code null} when none
     *                   applies
     * @param json       the item
     * @param valid      whether the item itself has no error (warnings allowed)
     */
    public record OcfItem(String file, OcfFileType fileType, int index, String id, String objectType, String schema,
            JsonNode json, boolean valid) {
    }

    /** Receives the checked items of a package, file by file, in file order. */
    @FunctionalInterface
    public interface ItemListener {
        ItemListener NONE = item -> {
        };

        void item(OcfItem item);
    }

    /** Opens, checks and closes the package (a folder or a zip file) at {@code path}, with the default options. */
    public OcfReport validate(Path path) {
        return validate(path, Options.defaults());
    }

    public OcfReport validate(Path path, Options options) {
        try (OcfPackage ocf = OcfPackage.open(path)) {
            return validate(ocf, options, ItemListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks an open package: the problems opening it found, its manifest, then every listed file in manifest order.
     * Items are handed to {@code listener} as they are checked, also those with errors.
     */
    public OcfReport validate(OcfPackage ocf, Options options, ItemListener listener) {
        List<Item> report = new ArrayList<>(ocf.problems());
        OcfManifest manifest = ocf.manifest().orElse(null);
        if (manifest == null) {
            return new OcfReport(report);
        }
        OcfVersion version = options.version() != null ? options.version()
                : OcfVersion.of(manifest.ocfVersion()).orElse(OcfVersion.latest());
        OcfSchemas schemas = OcfSchemas.of(version);
        String manifestName = ocf.manifestName().orElse(OcfPackage.MANIFEST);
        checkManifest(schemas, manifestName, manifest.json(), report);
        for (OcfPackage.File file : ocf.files()) {
            try (InputStream in = ocf.open(file.name())) {
                checkFile(schemas, file.name(), file.ref().type(), in, file.ref().md5(), options, report, listener);
            } catch (IOException | UncheckedIOException e) {
                report.add(Item.error(Rule.UNREADABLE_PACKAGE, file.name(), null, null,
                        "Cannot read the file: " + e.getMessage()));
            }
        }
        return new OcfReport(report);
    }

    /**
     * Checks one OCF file on its own, of the type its {@code file_type} says (the manifest included), against the
     * schemas of {@code options.version()} or the newest bundled ones. For files outside a package, such as OCF's
     * per-type examples; it reads the whole file.
     */
    public OcfReport validateFile(String name, InputStream in, Options options, ItemListener listener) {
        OcfSchemas schemas = OcfSchemas.of(options.version() != null ? options.version() : OcfVersion.latest());
        List<Item> report = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            report.add(Item.error(Rule.INVALID_JSON, name, null, null, describe(e)));
            return new OcfReport(report);
        }
        String code = root == null ? null : root.path("file_type").asString(null);
        OcfFileType type = OcfFileType.ofCode(code).orElse(null);
        if (type == null) {
            report.add(Item.error(Rule.SCHEMA, name, null, "$.file_type",
                    code == null ? "The file has no file_type" : code + " is not an OCF file type"));
        } else if (type == OcfFileType.MANIFEST) {
            checkManifest(schemas, name, root, report);
        } else {
            checkFile(schemas, name, type, JSON.treeAsTokens(root), report, listener);
        }
        return new OcfReport(report);
    }

    private void checkManifest(OcfSchemas schemas, String name, JsonNode manifest, List<Item> report) {
        for (Error error : distinct(schemas.fileSchema(OcfFileType.MANIFEST).validate(manifest))) {
            String path = error.getInstanceLocation().toString();
            JsonNode version = manifest.path("ocf_version");
            if (path.equals("$.ocf_version") && "const".equals(error.getKeyword()) && version.isString()) {
                report.add(Item.warning(Rule.OCF_VERSION_NOT_LISTED, name, null, path,
                        "ocf_version is \"" + version.asString() + "\", which the OCF " + schemas.version().label()
                                + " schema does not list (it lists " + String.join(", ", schemas.listedVersions())
                                + "); the package is checked against the OCF " + schemas.version().label()
                                + " schemas"));
                continue;
            }
            String itemId = path.startsWith("$.issuer") ? manifest.path("issuer").path("id").asString(null) : null;
            report.add(translate(schemas, name, itemId, "$", error));
        }
    }

    /** Streams a file of a package, checking it and its MD5. */
    private void checkFile(OcfSchemas schemas, String name, OcfFileType type, InputStream raw, String md5,
            Options options, List<Item> report, ItemListener listener) throws IOException {
        MessageDigest digest = md5();
        DigestInputStream in = new DigestInputStream(raw, digest);
        try (JsonParser parser = JSON.createParser(in)) {
            checkFile(schemas, name, type, parser, report, listener);
            // the MD5 covers the whole file, also what follows a syntax error or the end of the document
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (md5 != null && MD5.matcher(md5).matches()) {
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(md5)) {
                report.add(new Item(options.checksumMismatch(), Rule.CHECKSUM_MISMATCH, name, null, null,
                        "The file's MD5 is " + actual + "; the manifest says " + md5.toLowerCase(Locale.ROOT), null));
            }
        }
    }

    /**
     * Reads a file token by token: its top-level members other than {@code items} are gathered and checked against
     * the file schema (with {@code items} left empty), and each item is read, checked against its object schema and
     * handed on, one at a time.
     */
    private void checkFile(OcfSchemas schemas, String name, OcfFileType type, JsonParser parser, List<Item> report,
            ItemListener listener) {
        Schema fileSchema = schemas.fileSchema(type);
        ItemSchemas itemSchemas = schemas.itemSchemas(type);
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                report.add(Item.error(Rule.INVALID_JSON, name, null, null, "The file is empty"));
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                JsonNode root = parser.readValueAsTree();
                distinct(fileSchema.validate(root)).forEach(e -> report.add(translate(schemas, name, null, "$", e)));
                return;
            }
            ObjectNode envelope = JSON.createObjectNode();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if (member.equals("items") && value == JsonToken.START_ARRAY) {
                    envelope.putArray("items");
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode item = parser.readValueAsTree();
                        checkItem(schemas, name, type, itemSchemas, index++, item, report, listener);
                    }
                } else {
                    envelope.set(member, parser.readValueAsTree());
                }
            }
            if (parser.nextToken() != null) {
                report.add(Item.error(Rule.INVALID_JSON, name, null, null,
                        "Content after the end of the JSON document" + at(parser.currentLocation())));
            }
            String fileType = envelope.path("file_type").asString(null);
            boolean typeMismatch = fileType != null && !fileType.equals(type.code());
            if (typeMismatch) {
                report.add(Item.error(Rule.FILE_TYPE_MISMATCH, name, null, "$.file_type",
                        "The file's file_type is " + fileType + ", but the manifest lists it in "
                                + type.manifestKey().orElse("no list") + " (" + type.code() + ")"));
            }
            for (Error error : distinct(fileSchema.validate(envelope))) {
                if (typeMismatch && error.getInstanceLocation().toString().equals("$.file_type")) {
                    continue;
                }
                report.add(translate(schemas, name, null, "$", error));
            }
        } catch (JacksonIOException e) {
            report.add(Item.error(Rule.UNREADABLE_PACKAGE, name, null, null,
                    "Cannot read the file: " + e.getOriginalMessage()));
        } catch (JacksonException e) {
            report.add(Item.error(Rule.INVALID_JSON, name, null, null, describe(e)));
        }
    }

    private void checkItem(OcfSchemas schemas, String file, OcfFileType type, ItemSchemas itemSchemas, int index,
            JsonNode item, List<Item> report, ItemListener listener) {
        String base = "$.items[" + index + "]";
        String id = item.path("id").isString() ? item.get("id").asString() : null;
        String objectType = item.path("object_type").isString() ? item.get("object_type").asString() : null;
        List<Item> found = new ArrayList<>();
        ObjectSchema schema = itemSchemas.only();
        if (schema == null) {
            schema = objectType == null ? null : itemSchemas.byObjectType().get(objectType);
            if (schema == null && objectType != null) {
                schema = schemas.transactionSchema(objectType).orElse(null);
                if (schema != null) {
                    found.add(Item.warning(Rule.OBJECT_TYPE_NOT_IN_FILE_SCHEMA, file, id, base + ".object_type",
                            objectType + " is an OCF " + schemas.version().label() + " transaction ("
                                    + schema.path() + ") that the " + type.schemaPath()
                                    + " schema does not list (OCF issue 543); checked against its own schema"));
                }
            }
            if (schema == null) {
                found.add(Item.error(Rule.UNKNOWN_OBJECT_TYPE, file, id, base + ".object_type",
                        objectType == null ? "The item has no object_type, which says what it is"
                                : objectType + " is not an object type of " + type.code() + " in OCF "
                                        + schemas.version().label()));
            }
        }
        if (schema != null) {
            for (Error error : distinct(schema.schema().validate(item))) {
                found.add(translate(schemas, file, id, base, error));
            }
            checkIds(file, id, base, item, schema.requiredProperties(), found);
        }
        report.addAll(found);
        boolean valid = found.stream().noneMatch(i -> i.severity() == Severity.ERROR);
        listener.item(new OcfItem(file, type, index, id, objectType, schema == null ? null : schema.path(), item,
                valid));
    }

    /**
     * {@code ""} is a valid string to the schemas, but not a valid id: for an optional {@code *_id} it is read as
     * absent (a quirk some exporters have, e.g. {@code "balance_security_id": ""}); for the item's own {@code id}, a
     * required {@code *_id} or an entry of an {@code *_ids} list it is an error.
     */
    private static void checkIds(String file, String id, String base, JsonNode item, Set<String> required,
            List<Item> report) {
        if (!item.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : item.properties()) {
            String field = member.getKey();
            JsonNode value = member.getValue();
            String path = member(base, field);
            if ((field.equals("id") || field.endsWith("_id")) && value.isString() && value.asString().isEmpty()) {
                if (field.equals("id") || required.contains(field)) {
                    report.add(Item.error(Rule.EMPTY_ID, file, id, path, field + " is \"\""));
                } else {
                    report.add(Item.warning(Rule.EMPTY_OPTIONAL_ID, file, id, path,
                            field + " is \"\"; read as absent"));
                }
            } else if (field.endsWith("_ids") && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isString() && value.get(i).asString().isEmpty()) {
                        report.add(Item.error(Rule.EMPTY_ID, file, id, path + "[" + i + "]",
                                "An entry of " + field + " is \"\""));
                    }
                }
            }
        }
    }

    /** A schema error as a report item; unexpected fields known from older exporters become warnings. */
    private static Item translate(OcfSchemas schemas, String file, String itemId, String base, Error error) {
        String path = base + error.getInstanceLocation().toString().substring(1);
        String schema = schemas.relative(error.getSchemaLocation());
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            String field = error.getProperty();
            path = member(path, field);
            String schemaFile = schema == null ? "" : schema.replaceFirst("#.*", "");
            String why = DroppedFields.why(schemaFile, field).orElse(null);
            if (why != null) {
                return new Item(Severity.WARNING, Rule.DROPPED_FIELD, file, itemId, path,
                        field + " is not a field of " + schemaFile + " in OCF " + schemas.version().label() + ": "
                                + why + "; ignored", schema);
            }
        }
        return new Item(Severity.ERROR, Rule.SCHEMA, file, itemId, path, error.getMessage(), schema);
    }

    /**
     * The errors, each said once: a rule an object inherits (a file's {@code "type": "object"}, restated by the
     * abstract file schema it extends) fails at each level with the same message for the same place.
     */
    private static List<Error> distinct(List<Error> errors) {
        Map<String, Error> once = new LinkedHashMap<>();
        for (Error error : errors) {
            once.putIfAbsent(error.getInstanceLocation() + "\n" + error.getProperty() + "\n" + error.getMessage(),
                    error);
        }
        return List.copyOf(once.values());
    }

    private static String member(String path, String field) {
        return PLAIN_NAME.matcher(field).matches() ? path + "." + field
                : path + "['" + field.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** A JSON syntax error, with where it is. */
    static String describe(JacksonException e) {
        return "Not well-formed JSON: " + e.getOriginalMessage() + at(e.getLocation());
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }
}
