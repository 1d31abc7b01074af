package org.capledger.platform.ocf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Every problem found in an OCF package, not just the first: errors, which refuse the package, and warnings, which
 * are exporters' quirks that do not change the meaning and are tolerated. Items keep the order they were found in
 * (manifest first, then the files in manifest order, items in file order).
 */
public record OcfReport(List<Item> items) {

    public OcfReport {
        items = List.copyOf(items);
    }

    public enum Severity {
        ERROR,
        WARNING
    }

    /** Stable codes for what went wrong; the severity each gets is on the item. */
    public enum Rule {
        /** The package could not be read: not a folder or a zip, a damaged zip, an I/O error. */
        UNREADABLE_PACKAGE,
        /** No {@code Manifest.ocf.json} in the package, or more than one. */
        MANIFEST_NOT_FOUND,
        /** A file the manifest lists is not in the package. */
        FILE_NOT_FOUND,
        /** The manifest lists a file by a name no file has, and several files come close. */
        FILE_AMBIGUOUS,
        /** The manifest lists one file twice. */
        FILE_LISTED_TWICE,
        /** A file's {@code file_type} is not the type of the manifest list that names it. */
        FILE_TYPE_MISMATCH,
        /** A file is not well-formed JSON. */
        INVALID_JSON,
        /** A file's MD5 differs from the manifest's checksum. */
        CHECKSUM_MISMATCH,
        /** A value the OCF JSON Schema refuses; the message names the schema rule. */
        SCHEMA,
        /** An item whose {@code object_type} no OCF schema of the version defines. */
        UNKNOWN_OBJECT_TYPE,
        /** An {@code id}, a required {@code *_id} or an entry of an {@code *_ids} list that is {@code ""}. */
        EMPTY_ID,

        /** Quirk: {@code ""} written for an optional {@code *_id} that is absent. Read as absent. */
        EMPTY_OPTIONAL_ID,
        /** Quirk: a field known from older schemas or exporters that this version does not have. Ignored. */
        DROPPED_FIELD,
        /** Quirk: the manifest's {@code ocf_version} is not the one the schema lists. */
        OCF_VERSION_NOT_LISTED,
        /** Quirk: the manifest names a file slightly differently from the one file that matches it. */
        FILE_NAME_MISMATCH,
        /**
         * Quirk: a transaction type OCF defines but the version's TransactionsFile schema leaves out of its list (OCF
         * issue 543: issuer authorized-share adjustments, repricings, stakeholder change events). Validated against
         * its own object schema.
         */
        OBJECT_TYPE_NOT_IN_FILE_SCHEMA,
        /** A file in the package that the manifest does not list; it is not read. */
        FILE_NOT_LISTED,
        /**
         * Quirk, raised by the importer rather than the validator: an exercise names resulting securities that the
         * package never issues.
         */
        EXERCISE_RESULT_NOT_ISSUED,

        /** Importer: an id that no object of the package (or no earlier transaction) defines. */
        UNKNOWN_REFERENCE,
        /** Importer: a transaction whose figures disagree with its resulting securities' (a transfer's quantity). */
        INCONSISTENT,
        /** Importer: two objects of the package with the same id. */
        DUPLICATE_ID,
        /** Importer: an object or transaction Capledger does not map yet; the message says which. */
        UNSUPPORTED,
        /**
         * Importer: a transaction Capledger's ledger refuses (over-issuance, a negative position, a date before the
         * issuer's formation...); the message starts with Capledger's error code, e.g. {@code
         * AUTHORIZED_SHARES_EXCEEDED}.
         */
        REFUSED,
        /** Importer: a transaction not tried because one it depends on was refused; a warning. */
        NOT_CHECKED,
        /**
         * Importer, a warning: the package records transactions before the issuer's {@code formation_date}; the cap
         * table opens on the earliest of them.
         */
        DATE_BEFORE_FORMATION,
        /**
         * Importer, a warning: a grant names a stock plan the package does not contain; it is recorded outside any
         * plan.
         */
        PLAN_NOT_IN_PACKAGE,
        /**
         * Quirk, raised by the importer: a relative vesting condition names a condition its terms do not have, while
         * exactly one condition precedes it; read relative to that one.
         */
        VESTING_RELATIVE_TO_UNKNOWN_CONDITION,
        /**
         * Importer, a warning: an issuance's {@code custom_id} is the label of another security of the issuer
         * already, so the security keeps the label Capledger gives it.
         */
        LABEL_NOT_KEPT,
        /** Importer: the manifest's issuer exists already and the import was told to refuse that. */
        ISSUER_EXISTS
    }

    /**
     * One problem.
     *
     * @param severity error or warning
     * @param rule     what kind of problem
     * @param file     the package file, as the package names it ({@code Transactions.ocf.json}); {@code null} for
     *                 the package as a whole
     * @param itemId   the {@code id} of the object or transaction, when known
     * @param path     JSON path within the file ({@code $.items[25].quantity}), when it applies
     * @param message  what is wrong, for people
     * @param schema   the schema rule that failed, relative to the version's schema root
     *                 ({@code objects/transactions/issuance/StockIssuance.schema.json#/required}), for schema items
     */
    public record Item(Severity severity, Rule rule, String file, String itemId, String path, String message,
            String schema) {

        public Item {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }

        public static Item error(Rule rule, String file, String itemId, String path, String message) {
            return new Item(Severity.ERROR, rule, file, itemId, path, message, null);
        }

        public static Item warning(Rule rule, String file, String itemId, String path, String message) {
            return new Item(Severity.WARNING, rule, file, itemId, path, message, null);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder().append(severity).append(' ').append(rule);
            if (file != null) {
                s.append(' ').append(file);
            }
            if (itemId != null) {
                s.append(" [").append(itemId).append(']');
            }
            if (path != null) {
                s.append(' ').append(path);
            }
            s.append(": ").append(message);
            if (schema != null) {
                s.append(" (").append(schema).append(')');
            }
            return s.toString();
        }
    }

    public List<Item> errors() {
        return items.stream().filter(i -> i.severity() == Severity.ERROR).toList();
    }

    public List<Item> warnings() {
        return items.stream().filter(i -> i.severity() == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(i -> i.severity() == Severity.ERROR);
    }

    /** This report with more items after its own, e.g. the importer's semantic findings. */
    public OcfReport with(List<Item> more) {
        List<Item> all = new ArrayList<>(items);
        all.addAll(more);
        return new OcfReport(all);
    }

    public static OcfReport empty() {
        return new OcfReport(Collections.emptyList());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(errors().size()).append(" errors, ").append(warnings().size()).append(" warnings");
        items.forEach(i -> s.append(System.lineSeparator()).append("  ").append(i));
        return s.toString();
    }
}
