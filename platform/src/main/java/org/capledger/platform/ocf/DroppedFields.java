package org.capledger.platform.ocf;

import java.util.Map;
import java.util.Optional;

/**
 * Fields that real exporters write and the bundled OCF schemas do not have, each known by name and by the schema
 * that refuses it. Only these are tolerated (as warnings); any other unexpected field stays a schema error, and so
 * does a known one in any other object. None of them carries anything Capledger records.
 */
final class DroppedFields {

    private static final Map<String, String> KNOWN = Map.of(
            key("objects/Issuer.schema.json", "jurisdiction_of_formation"),
            "OCF had it from 2024-08 to 2025-04, then renamed it country_subdivision_name_of_formation"
                    + " (written by OCF's own quickstart and options tutorials)",
            key("objects/transactions/issuance/StockIssuance.schema.json", "split_transaction_id"),
            "OCF has it on a stock reissuance, not on an issuance (written by OCF-Tools' Acme Holdings sample)",
            key("objects/transactions/issuance/EquityCompensationIssuance.schema.json", "valuation_id"),
            "from OCF's drafts before 1.0, not in any released schema (written by OCF-Tools' Acme Holdings sample)",
            key("types/vesting/VestingCondition.schema.json", "cliff_condition"),
            "from an earlier vesting model, not in any released schema; OCF 1.2 expresses a cliff by the"
                    + " condition's trigger and portion (written by OCF-Tools' Acme Holdings sample)");

    private DroppedFields() {
    }

    /**
     * Why a field refused by {@code additionalProperties} is tolerated, if it is.
     *
     * @param schemaPath the refusing schema, relative to the version's root
     * @param field      the unexpected field
     */
    static Optional<String> why(String schemaPath, String field) {
        return Optional.ofNullable(KNOWN.get(key(schemaPath, field)));
    }

    private static String key(String schemaPath, String field) {
        return schemaPath + "#" + field;
    }
}
