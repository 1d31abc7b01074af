package org.capledger.command.ocf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** OCF transaction vocabulary the importer shares between its passes. */
final class OcfTransactions {

    /** Transactions that issue a security, by object type (OCF 1.0's plan security names included). */
    static final Set<String> ISSUANCES = Set.of("TX_STOCK_ISSUANCE", "TX_EQUITY_COMPENSATION_ISSUANCE",
            "TX_PLAN_SECURITY_ISSUANCE", "TX_WARRANT_ISSUANCE", "TX_CONVERTIBLE_ISSUANCE");

    private OcfTransactions() {
    }

    /** An optional id: absent, null and {@code ""} (the quirk the validator warns of) are all none. */
    static String optionalId(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            return null;
        }
        return value.asString();
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asString();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    /** The prefix of the comments Capledger's export writes for what OCF has no field for. */
    static final String CAPLEDGER = "capledger:";

    /** OCF's {@code comments}, an array of strings, as one text, without Capledger's own; null when none. */
    static String comments(JsonNode node) {
        List<String> comments = strings(node.get("comments")).stream().filter(c -> !c.startsWith(CAPLEDGER))
                .toList();
        return comments.isEmpty() ? null : String.join("\n", comments);
    }

    /** The value of a comment {@code capledger:<name>=<value>} that Capledger's export wrote, or null. */
    static String capledgerComment(JsonNode node, String name) {
        String prefix = CAPLEDGER + name + "=";
        return strings(node.get("comments")).stream().filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length())).findFirst().orElse(null);
    }
}
