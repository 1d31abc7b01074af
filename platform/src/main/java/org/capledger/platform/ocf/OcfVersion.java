package org.capledger.platform.ocf;

import java.util.Arrays;
import java.util.Optional;

/**
 * An OCF version whose JSON Schemas Capledger bundles. Each version's schemas live, unmodified, under
 * {@code ocf/schema/<label>/} on the classpath, listed in {@code ocf/schema/index-<label>.txt}; their {@code $id}s are
 * mapped to those copies, so validating never fetches anything.
 *
 * <p>Only OCF 1.2 is bundled (Open-Cap-Format-OCF {@code main} at d5226fb, {@code ocf_version}
 * {@code 1.2.1-alpha+main}). Packages of older versions are validated against it: a manifest naming another version
 * gets a warning, and fields the older exporters wrote that 1.2 does not have are reported one by one. Adding
 * a version means adding its schema tree and index and a constant here.
 */
public enum OcfVersion {
    V1_2("1.2");

    private final String label;

    OcfVersion(String label) {
        this.label = label;
    }

    /** Major and minor version, e.g. {@code 1.2}. */
    public String label() {
        return label;
    }

    /** The classpath folder holding this version's schema tree, ending in {@code /}. */
    String schemaRoot() {
        return "ocf/schema/" + label + "/";
    }

    /** The classpath resource listing the schema files, one path relative to {@link #schemaRoot()} a line. */
    String schemaIndex() {
        return "ocf/schema/index-" + label + ".txt";
    }

    /** The newest bundled version, used when a package's own version is not bundled. */
    public static OcfVersion latest() {
        return values()[values().length - 1];
    }

    /**
     * The bundled version a manifest's {@code ocf_version} belongs to: same major and minor version
     * ({@code 1.2.0}, {@code 1.2.1-alpha+main}); empty for any other value.
     */
    public static Optional<OcfVersion> of(String ocfVersion) {
        if (ocfVersion == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(v -> ocfVersion.equals(v.label) || ocfVersion.startsWith(v.label + "."))
                .findFirst();
    }
}
