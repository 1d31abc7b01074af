package org.capledger.platform.ocf;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A package's manifest ({@code Manifest.ocf.json}), read leniently: whatever is there is taken, and what is missing or
 * malformed is left empty for the schema validation to report.
 *
 * @param ocfVersion  {@code ocf_version} as written
 * @param issuer      the {@code issuer} object
 * @param asOf        {@code as_of}, the date the package represents
 * @param generatedAt {@code generated_at}
 * @param files       the files listed, by type, in manifest order
 * @param json        the whole manifest
 */
public record OcfManifest(String ocfVersion, JsonNode issuer, String asOf, String generatedAt,
        Map<OcfFileType, List<FileRef>> files, JsonNode json) {

    /** A file the manifest lists: {@code filepath} and {@code md5} as written ({@code md5} may be absent). */
    public record FileRef(OcfFileType type, String filepath, String md5) {
    }

    public static OcfManifest of(JsonNode json) {
        Map<OcfFileType, List<FileRef>> files = new EnumMap<>(OcfFileType.class);
        for (OcfFileType type : OcfFileType.values()) {
            type.manifestKey().ifPresent(key -> {
                List<FileRef> refs = new ArrayList<>();
                for (JsonNode file : json.path(key)) {
                    String filepath = file.path("filepath").asString(null);
                    if (filepath != null) {
                        refs.add(new FileRef(type, filepath, file.path("md5").asString(null)));
                    }
                }
                files.put(type, Collections.unmodifiableList(refs));
            });
        }
        return new OcfManifest(text(json, "ocf_version"), json.path("issuer"), text(json, "as_of"),
                text(json, "generated_at"), Collections.unmodifiableMap(files), json);
    }

    /** Every listed file, in the order of {@link OcfFileType}, then of each list. */
    public List<FileRef> allFiles() {
        return files.values().stream().flatMap(List::stream).toList();
    }

    public Optional<LocalDate> asOfDate() {
        try {
            return Optional.ofNullable(asOf).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Optional<OffsetDateTime> generatedAtTime() {
        try {
            return Optional.ofNullable(generatedAt).map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Optional<String> issuerId() {
        return Optional.ofNullable(text(issuer, "id"));
    }

    public Optional<String> issuerLegalName() {
        return Optional.ofNullable(text(issuer, "legal_name"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
