package org.capledger.platform.ocf;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types of an OCF package (OCF's {@code enums/FileType}): the manifest, and the nine kinds of file it
 * lists, each under its own manifest key. A package may hold several files of one type; OCF 1.0 exporters, for
 * one, split transactions over several files (StockTransactions, PlanSecurityTransactions,
 * ConvertibleSecurityTransactions, WarrantTransactions, ...), each listed under {@code transactions_files} with
 * {@code file_type} {@code OCF_TRANSACTIONS_FILE}: no OCF version has a file type of its own for them.
 */
public enum OcfFileType {
    MANIFEST("OCF_MANIFEST_FILE", null, "files/OCFManifestFile.schema.json"),
    STAKEHOLDERS("OCF_STAKEHOLDERS_FILE", "stakeholders_files", "files/StakeholdersFile.schema.json"),
    STOCK_CLASSES("OCF_STOCK_CLASSES_FILE", "stock_classes_files", "files/StockClassesFile.schema.json"),
    STOCK_LEGEND_TEMPLATES("OCF_STOCK_LEGEND_TEMPLATES_FILE", "stock_legend_templates_files",
            "files/StockLegendTemplatesFile.schema.json"),
    STOCK_PLANS("OCF_STOCK_PLANS_FILE", "stock_plans_files", "files/StockPlansFile.schema.json"),
    VESTING_TERMS("OCF_VESTING_TERMS_FILE", "vesting_terms_files", "files/VestingTermsFile.schema.json"),
    VALUATIONS("OCF_VALUATIONS_FILE", "valuations_files", "files/ValuationsFile.schema.json"),
    TRANSACTIONS("OCF_TRANSACTIONS_FILE", "transactions_files", "files/TransactionsFile.schema.json"),
    FINANCINGS("OCF_FINANCINGS_FILE", "financings_files", "files/FinancingsFile.schema.json"),
    DOCUMENTS("OCF_DOCUMENTS_FILE", "documents_files", "files/DocumentsFile.schema.json");

    private final String code;
    private final String manifestKey;
    private final String schemaPath;

    OcfFileType(String code, String manifestKey, String schemaPath) {
        this.code = code;
        this.manifestKey = manifestKey;
        this.schemaPath = schemaPath;
    }

    /** The {@code file_type} value, e.g. {@code OCF_TRANSACTIONS_FILE}. */
    public String code() {
        return code;
    }

    /** The manifest member listing files of this type, e.g. {@code transactions_files}; none for the manifest. */
    public Optional<String> manifestKey() {
        return Optional.ofNullable(manifestKey);
    }

    /** The file schema, relative to a version's schema root. */
    public String schemaPath() {
        return schemaPath;
    }

    public static Optional<OcfFileType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
