package org.capledger.query.certificates;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.certificate.CertificateOfficer;
import org.capledger.api.certificate.Legend;
import org.capledger.api.value.Money;
import org.capledger.query.issuers.IssuerView;
import org.capledger.query.issuers.IssuerViewRepository;
import org.capledger.query.pdf.CertificateDocument;
import org.capledger.query.pdf.CertificatePdf;
import org.capledger.query.stakeholders.StakeholderView;
import org.capledger.query.stakeholders.StakeholderViewRepository;
import org.capledger.query.stockclasses.StockClassView;
import org.capledger.query.stockclasses.StockClassViewRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certificates as documents: what one prints, from the read models (issuer, holder, class, officers and legends in
 * force on its issue date), rendered as PDF; and the public verification answer.
 */
@Service
@Transactional(readOnly = true)
public class CertificateQueries {

    private final CertificateViewRepository certificates;
    private final CertificateSettingRepository settings;
    private final IssuerViewRepository issuers;
    private final StakeholderViewRepository stakeholders;
    private final StockClassViewRepository classes;
    private final CertificatePdf pdf;
    private final JsonMapper json;
    private final String publicUrl;

    CertificateQueries(CertificateViewRepository certificates, CertificateSettingRepository settings,
                       IssuerViewRepository issuers, StakeholderViewRepository stakeholders,
                       StockClassViewRepository classes, CertificatePdf pdf, JsonMapper json,
                       @Value("${capledger.public-url}") String publicUrl) {
        this.certificates = certificates;
        this.settings = settings;
        this.issuers = issuers;
        this.stakeholders = stakeholders;
        this.classes = classes;
        this.pdf = pdf;
        this.json = json;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The answer of {@code GET /api/verify/{code}}: no holder data. */
    public record Verification(String code, String status, String label, String issuerId, String issuerLegalName) {
    }

    /**
     * @return whether the code is a certificate's, and its status: VALID (active), CANCELLED (cancelled, void or
     *         replaced, with its status in the label's certificate), or UNKNOWN
     */
    public Verification verify(String code) {
        String normal = VerificationCodes.normalize(code);
        Optional<CertificateView> found = normal == null ? Optional.empty()
                : certificates.findByVerificationCode(normal);
        if (found.isEmpty()) {
            return new Verification(normal, "UNKNOWN", null, null, null);
        }
        CertificateView c = found.get();
        String legalName = issuers.findById(c.issuerId()).map(IssuerView::legalName).orElse(null);
        return new Verification(normal, c.status() == CertificateStatus.ACTIVE ? "VALID" : c.status().name(),
                c.label(), c.issuerId(), legalName);
    }

    /** @return the certificate's document: everything printed on it */
    public CertificateDocument document(CertificateView c) {
        IssuerView issuer = issuers.findById(c.issuerId()).orElseThrow();
        StakeholderView holder = stakeholders.findById(new StakeholderView.Key(c.issuerId(), c.stakeholderId()))
                .orElseThrow();
        StockClassView stockClass = classes.findById(new StockClassView.Key(c.issuerId(), c.stockClassId()))
                .orElseThrow();
        List<CertificateOfficer> officers = setting(c, CertificateSetting.OFFICERS,
                new TypeReference<List<CertificateOfficer>>() { }).orElse(List.of());
        List<Legend> legends = setting(c, CertificateSetting.LEGENDS + c.stockClassId(),
                new TypeReference<List<Legend>>() { }).orElse(List.of());
        Money par = stockClass.parValueAmount() == null ? null
                : new Money(stockClass.parValueAmount(), stockClass.parValueCurrency());
        CertificateDocument.Watermark watermark = c.status() != CertificateStatus.ACTIVE
                ? CertificateDocument.Watermark.valueOf(c.status().watermark())
                : c.specimen() ? CertificateDocument.Watermark.SPECIMEN : CertificateDocument.Watermark.NONE;
        return new CertificateDocument(issuer.legalName(),
                Jurisdictions.describe(issuer.countryOfFormation(), issuer.subdivisionOfFormation()), c.label(),
                holder.legalName(), c.quantity(), stockClass.name(), stockClass.classType(), par, c.issueDate(),
                legends.stream().map(Legend::text).toList(),
                officers.stream().map(o -> new CertificateDocument.Officer(o.name(), o.title())).toList(),
                c.verificationCode(), publicUrl + "/api/verify/" + c.verificationCode(), watermark);
    }

    /** @return the email of the certificate's holder now, or null when the stakeholder has none */
    public String holderEmail(CertificateView c) {
        return stakeholders.findById(new StakeholderView.Key(c.issuerId(), c.stakeholderId()))
                .map(StakeholderView::email).orElse(null);
    }

    /** @return the certificate as PDF/A: the same bytes for the same certificate and settings */
    public byte[] pdf(CertificateView c) {
        return pdf.render(document(c));
    }

    /** @return the document as PDF/A, for a caller that already has it */
    public byte[] pdf(CertificateDocument document) {
        return pdf.render(document);
    }

    /** @throws CapledgerException NOT_FOUND when the issuer has no certificate with that label (ignoring case) */
    public CertificateView byLabel(String issuerId, String label) {
        return certificates.findByLabel(issuerId, label)
                .orElseThrow(() -> new CapledgerException(ErrorCode.NOT_FOUND, "No such certificate"));
    }

    /** The setting in force on the certificate's issue date; for one issued before the first setting, the first. */
    private <T> Optional<T> setting(CertificateView c, String subject, TypeReference<T> type) {
        List<CertificateSetting> all = settings.findByIssuerIdAndSubjectOrderByEffectiveDate(c.issuerId(), subject);
        return all.stream().filter(s -> !s.effectiveDate().isAfter(c.issueDate()))
                .max(Comparator.comparing(CertificateSetting::effectiveDate))
                .or(() -> all.stream().findFirst())
                .map(s -> json.readValue(s.content(), type));
    }
}
