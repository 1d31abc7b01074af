package org.capledger.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generated OCF 1.2 package of a given number of transactions (items of its transactions file), written through a
 * temporary file into a zip file, never whole in memory: 100 stakeholders, one class, then from 2000-01-02 a day at a time, eight
 * transactions a day: three issuances of 1,000 shares, a transfer of 400 of the first to another holder (its result
 * and balance written as issuances, as OCF does) and a cancellation of 250 of the second (its balance an issuance).
 * Its outstanding shares are {@link #outstanding}.
 */
final class GeneratedOcfPackage {

    final long transactions;
    long outstanding;

    private GeneratedOcfPackage(long transactions) {
        this.transactions = transactions;
    }

    /** Writes a package of at least {@code transactions} transactions to {@code zip}. */
    static GeneratedOcfPackage write(Path zip, int transactions) {
        GeneratedOcfPackage generated = new GeneratedOcfPackage(transactions);
        try {
            Path items = Files.createTempFile("generated-transactions-", ".json");
            try {
                MessageDigest md5 = md5();
                try (OutputStream file = new DigestOutputStream(Files.newOutputStream(items), md5);
                     Writer w = new OutputStreamWriter(file, StandardCharsets.UTF_8)) {
                    w.write("{\"file_type\": \"OCF_TRANSACTIONS_FILE\", \"items\": [\n");
                    generated.transactions(w, transactions);
                    w.write("]}\n");
                }
                String stakeholders = stakeholders();
                String classes = """
                        {"file_type": "OCF_STOCK_CLASSES_FILE", "items": [{"object_type": "STOCK_CLASS", "id": "common",
                         "name": "Common", "class_type": "COMMON", "default_id_prefix": "CS-",
                         "initial_shares_authorized": "1000000000", "votes_per_share": "1", "seniority": "1"}]}""";
                try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
                    entry(out, "Manifest.ocf.json", """
                            {"ocf_version": "1.2.1-alpha+main", "file_type": "OCF_MANIFEST_FILE",
                             "issuer": {"object_type": "ISSUER", "id": "generated-issuer", "legal_name": "Generated, Inc.",
                                        "formation_date": "2000-01-01", "country_of_formation": "US"},
                             "as_of": "2030-01-01", "generated_at": "2030-01-01T00:00:00Z",
                             "stakeholders_files": [{"filepath": "Stakeholders.ocf.json", "md5": "%s"}],
                             "stock_classes_files": [{"filepath": "StockClasses.ocf.json", "md5": "%s"}],
                             "transactions_files": [{"filepath": "Transactions.ocf.json", "md5": "%s"}],
                             "stock_plans_files": [], "stock_legend_templates_files": [], "vesting_terms_files": [],
                             "valuations_files": []}""".formatted(OcfPackages.md5(bytes(stakeholders)),
                            OcfPackages.md5(bytes(classes)), HexFormat.of().formatHex(md5.digest())));
                    entry(out, "Stakeholders.ocf.json", stakeholders);
                    entry(out, "StockClasses.ocf.json", classes);
                    out.putNextEntry(new ZipEntry("Transactions.ocf.json"));
                    Files.copy(items, out);
                    out.closeEntry();
                }
            } finally {
                Files.deleteIfExists(items);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return generated;
    }

    private static String stakeholders() {
        StringBuilder stakeholders = new StringBuilder("{\"file_type\": \"OCF_STAKEHOLDERS_FILE\", \"items\": [");
        for (int i = 0; i < 100; i++) {
            stakeholders.append(i == 0 ? "" : ",").append("""
                    {"object_type": "STAKEHOLDER", "id": "holder-%d", "name": {"legal_name": "Holder %d"},
                     "stakeholder_type": "INDIVIDUAL", "current_relationship": "INVESTOR"}""".formatted(i, i));
        }
        return stakeholders.append("]}").toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void transactions(Writer w, int count) throws IOException {
        LocalDate date = LocalDate.of(2000, 1, 2);
        int written = 0;
        int security = 0;
        boolean first = true;
        while (written < count) {
            String[] issued = new String[3];
            for (int k = 0; k < 3; k++) {
                issued[k] = "s-" + (++security);
                first = item(w, first, issuance(issued[k], date, "holder-" + (security % 100), "1000"));
                outstanding += 1000;
                written++;
            }
            String result = "s-" + (++security);
            String balance = "s-" + (++security);
            first = item(w, first, """
                    {"object_type": "TX_STOCK_TRANSFER", "id": "t-%s", "security_id": "%s", "date": "%s",
                     "quantity": "400", "resulting_security_ids": ["%s"], "balance_security_id": "%s"}"""
                    .formatted(issued[0], issued[0], date, result, balance));
            first = item(w, first, issuance(result, date, "holder-" + ((security + 7) % 100), "400"));
            first = item(w, first, issuance(balance, date, "holder-" + ((security - 4) % 100), "600"));
            String rest = "s-" + (++security);
            first = item(w, first, """
                    {"object_type": "TX_STOCK_CANCELLATION", "id": "c-%s", "security_id": "%s", "date": "%s",
                     "quantity": "250", "reason_text": "Forfeited", "balance_security_id": "%s"}"""
                    .formatted(issued[1], issued[1], date, rest));
            first = item(w, first, issuance(rest, date, "holder-" + ((security - 6) % 100), "750"));
            outstanding -= 250;
            written += 5;
            date = date.plusDays(1);
        }
    }

    private static String issuance(String id, LocalDate date, String holder, String quantity) {
        return """
                {"object_type": "TX_STOCK_ISSUANCE", "id": "i-%s", "security_id": "%s", "date": "%s",
                 "custom_id": "CS-%s", "stakeholder_id": "%s", "stock_class_id": "common", "quantity": "%s",
                 "share_price": {"amount": "0.01", "currency": "USD"}, "stock_legend_ids": [],
                 "security_law_exemptions": []}""".formatted(id, id, date, id.substring(2), holder, quantity);
    }

    private static boolean item(Writer w, boolean first, String json) throws IOException {
        if (!first) {
            w.write(",\n");
        }
        w.write(json);
        return false;
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes(content));
        out.closeEntry();
    }
}
