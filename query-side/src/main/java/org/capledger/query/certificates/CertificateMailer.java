package org.capledger.query.certificates;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.capledger.query.pdf.CertificateDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mail {@link CertificateNotices} queued: to the holder's email, the certificate attached as PDF. With
 * no SMTP server configured ({@code spring.mail.host} unset) the message is logged instead, without the
 * attachment. Each notice ends with an outcome: SENT, LOGGED, NO_EMAIL (the holder has none), NOT_ACTIVE (the
 * certificate ended before it was mailed), or, after {@value #MAX_ATTEMPTS} failed attempts with growing pauses,
 * FAILED. Query-side instances share the queue ({@code FOR UPDATE SKIP LOCKED}). A crash between sending and
 * recording can send one mail twice; nothing else does.
 */
@Component
public class CertificateMailer {

    private static final Logger log = LoggerFactory.getLogger(CertificateMailer.class);
    static final int MAX_ATTEMPTS = 8;

    private record Notice(String issuerId, String securityId, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CertificateViewRepository certificates;
    private final CertificateQueries queries;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final boolean enabled;

    CertificateMailer(JdbcTemplate jdbc, TransactionTemplate transactions, CertificateViewRepository certificates,
                      CertificateQueries queries, ObjectProvider<JavaMailSender> mailSender,
                      @Value("${capledger.certificates.mail.from}") String from,
                      @Value("${capledger.certificates.mail.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.certificates = certificates;
        this.queries = queries;
        this.mailSender = mailSender;
        this.from = from;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${capledger.certificates.mail.poll-interval:5s}", initialDelayString = "5s")
    void poll() {
        if (enabled) {
            sendDue();
        }
    }

    /** Sends what is due, twenty at a time. @return how many notices it handled */
    public int sendDue() {
        int handled = 0;
        int batch;
        do {
            Integer done = transactions.execute(status -> sendBatch());
            batch = done == null ? 0 : done;
            handled += batch;
        } while (batch == 20);
        return handled;
    }

    private int sendBatch() {
        List<Notice> due = jdbc.query("SELECT issuer_id, security_id, attempts FROM certificate_notice "
                        + "WHERE sent_at IS NULL AND next_attempt_at <= now() ORDER BY created_at LIMIT 20 "
                        + "FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Notice(rs.getString(1), rs.getString(2), rs.getInt(3)));
        for (Notice notice : due) {
            String outcome;
            try {
                outcome = send(notice);
            } catch (MailException | MessagingException e) {
                retryLater(notice, e);
                continue;
            }
            jdbc.update("UPDATE certificate_notice SET sent_at = now(), attempts = attempts + 1, outcome = ? "
                    + "WHERE issuer_id = ? AND security_id = ?", outcome, notice.issuerId(), notice.securityId());
        }
        return due.size();
    }

    private String send(Notice notice) throws MessagingException {
        CertificateView certificate = certificates.findById(new CertificateView.Key(notice.issuerId(),
                notice.securityId())).orElse(null);
        if (certificate == null || certificate.status() != CertificateStatus.ACTIVE) {
            return "NOT_ACTIVE";
        }
        String email = queries.holderEmail(certificate);
        if (email == null) {
            return "NO_EMAIL";
        }
        CertificateDocument document = queries.document(certificate);
        String subject = "Share certificate " + document.label() + " from " + document.issuerLegalName();
        String body = body(document);
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.info("No SMTP server configured (spring.mail.host); certificate mail not sent, without its "
                    + "attachment:\nTo: {}\nSubject: {}\n\n{}", email, subject, body);
            return "LOGGED";
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(email);
        helper.setSubject(subject);
        helper.setText(body, false);
        helper.addAttachment(document.label() + ".pdf", new ByteArrayResource(queries.pdf(document)),
                "application/pdf");
        sender.send(message);
        log.info("Mailed certificate {} of issuer {} to its holder", document.label(), notice.issuerId());
        return "SENT";
    }

    private void retryLater(Notice notice, Exception e) {
        int attempts = notice.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        Duration pause = Duration.ofMinutes(1L << Math.min(attempts - 1, 6));
        log.warn("Could not mail certificate {} of issuer {} (attempt {}{}): {}", notice.securityId(),
                notice.issuerId(), attempts, giveUp ? ", giving up" : ", retrying in " + pause,
                e.getClass().getSimpleName());
        jdbc.update("UPDATE certificate_notice SET attempts = ?, next_attempt_at = ?, sent_at = ?, outcome = ? "
                        + "WHERE issuer_id = ? AND security_id = ?", attempts,
                Timestamp.from(Instant.now().plus(pause)), giveUp ? Timestamp.from(Instant.now()) : null,
                "FAILED", notice.issuerId(), notice.securityId());
    }

    private static String body(CertificateDocument d) {
        return "Dear " + d.holderName() + ",\n\n"
                + d.issuerLegalName() + " has issued share certificate " + d.label() + " to you: "
                + shares(d.shares()) + " shares of " + d.stockClassName() + ", issued " + d.issueDate() + ".\n\n"
                + "The certificate is attached as a PDF. Anyone can check it with its verification code "
                + d.verificationCode() + " at " + d.verificationUrl() + ".\n";
    }

    private static String shares(BigDecimal shares) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(10);
        return format.format(shares);
    }
}
