package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.capledger.query.certificates.CertificateMailer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail to holders about new certificates, through a real SMTP server (GreenMail, {@link EndToEndTest#SMTP}): the
 * holder gets the certificate attached; a holder without email gets nothing; a rebuild of the read models replays
 * every event and mails nobody again.
 */
class CertificateMailTest extends EndToEndTest {

    @Autowired
    CertificateMailer mailer;

    @Test
    void holdersGetTheirCertificateOnceAndARebuildMailsNobodyAgain() throws Exception {
        String email = "ines-" + UUID.randomUUID() + "@example.com";
        String issuerId = api.command("/api/issuers", """
                {"legalName": "Mailed Shares Inc.", "formationDate": "2020-01-01", "countryOfFormation": "US",
                 "subdivisionOfFormation": "DE"}""").json().get("issuerId").asString();
        String base = "/api/issuers/" + issuerId;
        String ines = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Inês Duarte"},
                 "email": "%s", "relationship": "FOUNDER"}""".formatted(email)).id();
        String noMail = api.command(base + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Otto Offline"},
                 "relationship": "EMPLOYEE"}""").id();
        String common = api.command(base + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common Stock", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000000"}""").id();
        api.command(base + "/stock-issuances", """
                {"date": "2020-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "4000",
                 "pricePerShare": {"amount": "0.001", "currency": "USD"}}""".formatted(ines, common));
        Api.Response last = api.command(base + "/stock-issuances", """
                {"date": "2020-02-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "100",
                 "pricePerShare": {"amount": "0.001", "currency": "USD"}}""".formatted(noMail, common));
        assertThat(last.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        assertThat(mail.getSubject()).isEqualTo("Share certificate CS-1 from Mailed Shares Inc.");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(text(parts)).contains("Dear Inês Duarte", "4,000 shares",
                "verification code");
        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("CS-1.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(attachment.getInputStream().readAllBytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("CS-1", "Inês Duarte", "Four Thousand");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM certificate_notice WHERE issuer_id = ? AND sent_at IS NOT NULL", Long.class,
                issuerId) == 2);
        assertThat(jdbc.queryForList("SELECT outcome FROM certificate_notice WHERE issuer_id = ? ORDER BY outcome",
                String.class, issuerId)).containsExactly("NO_EMAIL", "SENT");

        // A rebuild replays every event into the read models, and mails nobody.
        Api.Response rebuild = api.post("/api/admin/projections/rebuild", "{}");
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(api.read(base + "/certificates", rebuild).json().get("totalItems").asInt()).isEqualTo(2);
        mailer.sendDue();
        Thread.sleep(1000);
        assertThat(mailTo(email)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM certificate_notice WHERE issuer_id = ?", Long.class,
                issuerId)).isEqualTo(2);
    }

    /** The first text/plain part, however deeply the message nests it. */
    private static String text(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = text(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<MimeMessage> mailTo(String email) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
