package org.capledger.api.vesting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.capledger.api.value.Quantity;
import org.capledger.api.value.VestingTermsId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads OCF 1.2 JSON (snake_case, as in {@code objects/VestingTerms.schema.json} and {@code types/vesting/*}) into the
 * vesting records, strictly: a member the schema does not allow is refused, so a test passing here shows that the
 * records hold everything OCF's shape can say. The one exception is the pre-1.2 {@code cliff_condition} member that
 * OCF's own acme_holdings_limited sample still carries; see {@link #period}.
 */
public final class OcfVestingJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OcfVestingJson() {
    }

    /** A record of the transactions {@code TX_VESTING_START} / {@code TX_VESTING_EVENT}. */
    public record VestingTransaction(String objectType, String securityId, LocalDate date, String conditionId) {
    }

    public static JsonNode read(String resource) {
        try (InputStream in = OcfVestingJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every item of an {@code OCF_VESTING_TERMS_FILE} */
    public static List<VestingTerms> termsFile(String resource) {
        JsonNode file = read(resource);
        expect(file.get("file_type").stringValue().equals("OCF_VESTING_TERMS_FILE"), "not a vesting terms file");
        List<VestingTerms> terms = new ArrayList<>();
        file.get("items").forEach(item -> terms.add(terms(item)));
        return terms;
    }

    /** @return the item with that id of an {@code OCF_VESTING_TERMS_FILE} */
    public static VestingTerms termsFile(String resource, String id) {
        return termsFile(resource).stream().filter(t -> t.id().value().equals(id)).findFirst().orElseThrow();
    }

    /** @return the vesting start and vesting event transactions of an {@code OCF_TRANSACTIONS_FILE} */
    public static List<VestingTransaction> vestingTransactions(String resource) {
        List<VestingTransaction> out = new ArrayList<>();
        for (JsonNode tx : read(resource).get("items")) {
            String type = tx.get("object_type").stringValue();
            if (type.equals("TX_VESTING_START") || type.equals("TX_VESTING_EVENT")) {
                onlyMembers(tx, Set.of("object_type", "id", "comments", "date", "security_id",
                        "vesting_condition_id"));
                out.add(new VestingTransaction(type, tx.get("security_id").stringValue(),
                        LocalDate.parse(tx.get("date").stringValue()), tx.get("vesting_condition_id").stringValue()));
            }
        }
        return out;
    }

    /** Maps one OCF {@code VESTING_TERMS} object. */
    public static VestingTerms terms(JsonNode n) {
        onlyMembers(n, Set.of("id", "object_type", "comments", "name", "description", "allocation_type",
                "vesting_conditions"));
        expect(n.get("object_type").stringValue().equals("VESTING_TERMS"), "object_type must be VESTING_TERMS");
        List<VestingCondition> conditions = new ArrayList<>();
        n.get("vesting_conditions").forEach(c -> conditions.add(condition(c)));
        return new VestingTerms(VestingTermsId.of(n.get("id").stringValue()), n.get("name").stringValue(),
                n.get("description").stringValue(), AllocationType.valueOf(n.get("allocation_type").stringValue()),
                conditions);
    }

    static VestingCondition condition(JsonNode n) {
        onlyMembers(n, Set.of("id", "description", "portion", "quantity", "trigger", "next_condition_ids",
                "cliff_condition"));
        List<String> next = new ArrayList<>();
        n.get("next_condition_ids").forEach(id -> next.add(id.stringValue()));
        return new VestingCondition(n.get("id").stringValue(), text(n, "description"),
                n.has("portion") ? portion(n.get("portion")) : null,
                n.has("quantity") ? Quantity.of(n.get("quantity").stringValue()) : null,
                trigger(n.get("trigger"), n.get("cliff_condition")), next);
    }

    static VestingPortion portion(JsonNode n) {
        onlyMembers(n, Set.of("numerator", "denominator", "remainder"));
        return new VestingPortion(Quantity.of(n.get("numerator").stringValue()),
                Quantity.of(n.get("denominator").stringValue()),
                n.has("remainder") && n.get("remainder").booleanValue());
    }

    static VestingTrigger trigger(JsonNode n, JsonNode legacyCliff) {
        String type = n.get("type").stringValue();
        expect(legacyCliff == null || type.equals("VESTING_SCHEDULE_RELATIVE"),
                "cliff_condition only on a relative trigger");
        switch (VestingTriggerType.valueOf(type)) {
            case VESTING_START_DATE:
                onlyMembers(n, Set.of("type"));
                return VestingTrigger.vestingStart();
            case VESTING_EVENT:
                onlyMembers(n, Set.of("type"));
                return VestingTrigger.event();
            case VESTING_SCHEDULE_ABSOLUTE:
                onlyMembers(n, Set.of("type", "date"));
                return VestingTrigger.on(LocalDate.parse(n.get("date").stringValue()));
            default:
                onlyMembers(n, Set.of("type", "period", "relative_to_condition_id"));
                return VestingTrigger.after(period(n.get("period"), legacyCliff),
                        n.get("relative_to_condition_id").stringValue());
        }
    }

    /**
     * Maps a {@code VestingPeriodInDays} / {@code VestingPeriodInMonths}. A legacy {@code cliff_condition}
     * ({@code {"period": {"type": "MONTHS", "length": 12}}}, from before OCF had {@code cliff_installment}) becomes
     * the installment on which the cliff falls: its length divided by the period's, in the same unit.
     */
    static VestingPeriod period(JsonNode n, JsonNode legacyCliff) {
        onlyMembers(n, Set.of("length", "type", "occurrences", "day_of_month", "cliff_installment"));
        VestingPeriodType type = VestingPeriodType.valueOf(n.get("type").stringValue());
        int length = n.get("length").intValue();
        Integer cliff = n.has("cliff_installment") ? n.get("cliff_installment").intValue() : null;
        if (legacyCliff != null) {
            onlyMembers(legacyCliff, Set.of("id", "description", "period"));
            JsonNode p = legacyCliff.get("period");
            onlyMembers(p, Set.of("type", "length"));
            expect(cliff == null, "both cliff_installment and cliff_condition");
            expect(p.get("type").stringValue().equals(type.name()), "cliff_condition in another unit");
            expect(length > 0 && p.get("length").intValue() % length == 0, "cliff_condition not a whole number of"
                    + " periods");
            cliff = p.get("length").intValue() / length;
        }
        VestingDayOfMonth day = n.has("day_of_month") ? VestingDayOfMonth.ofOcf(n.get("day_of_month").stringValue())
                : null;
        return new VestingPeriod(length, type, n.get("occurrences").intValue(), day, cliff);
    }

    private static String text(JsonNode n, String member) {
        return n.has(member) ? n.get(member).stringValue() : null;
    }

    private static void onlyMembers(JsonNode n, Set<String> allowed) {
        for (String member : n.propertyNames()) {
            expect(allowed.contains(member), "member '" + member + "' is not allowed here by the OCF schema");
        }
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
