package org.capledger.query.certificates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.capledger.api.CapTableEvent;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.certificate.CertificateOfficersSet;
import org.capledger.api.certificate.StockClassLegendsSet;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockAccepted;
import org.capledger.api.stock.StockCancelled;
import org.capledger.api.stock.StockConverted;
import org.capledger.api.stock.StockReissued;
import org.capledger.api.stock.StockRepurchased;
import org.capledger.api.stock.StockTransaction;
import org.capledger.api.stock.StockTransferred;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.query.QuerySideConfiguration;
import org.capledger.query.common.Labels;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code certificate} and {@code certificate_setting}: a certificate for every stock security, however it
 * was issued (issuance, transfer, balance, reissuance, split, conversion, exercise, ...), ended by the transaction
 * that extinguishes its security, and linked to its balance or replacement.
 */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class CertificateProjection {

    private final CertificateViewRepository certificates;
    private final CertificateSettingRepository settings;
    private final VerificationCodes codes;
    private final JsonMapper json;

    CertificateProjection(CertificateViewRepository certificates, CertificateSettingRepository settings,
                          VerificationCodes codes, JsonMapper json) {
        this.certificates = certificates;
        this.settings = settings;
        this.codes = codes;
        this.json = json;
    }

    @EventHandler
    void on(StockIssued e, @Timestamp Instant recordedAt, @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        certificates.save(newCertificate(e, e.securityId(), e.securityLabel(), e.stakeholderId().value(),
                e.stockClassId().value(), e.quantity().value(), "ISSUANCE", null, recordedAt, demo));
    }

    /** Every terminal stock transaction ends its sources' certificates and issues its new securities' ones. */
    @EventHandler
    void on(StockTransaction e, @Timestamp Instant recordedAt, @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        if (e instanceof StockAccepted) {
            return;
        }
        for (SecurityId source : e.sourceSecurityIds()) {
            CertificateView ended = certificates.findById(new CertificateView.Key(e.issuerId().value(),
                    source.value())).orElseThrow();
            ended.status = CertificateStatus.endedBy(e.kind());
            ended.endedBy = e.kind();
            ended.endedOn = e.date();
            ResultingSecurity balance = balance(e);
            ended.balanceSecurityId = balance == null ? null : balance.securityId().value();
            List<SecurityId> results = e.resultsOf(source);
            if (ended.status == CertificateStatus.REPLACED && results.size() == 1) {
                ended.replacementSecurityId = results.get(0).value();
            }
            if (e instanceof StockReissued r) {
                ended.affidavitDate = r.lostCertificateAffidavitDate();
            }
            certificates.save(ended);
        }
        for (ResultingSecurity r : e.newSecurities()) {
            SecurityId from = e.sourceSecurityIds().stream().filter(s -> e.resultsOf(s).contains(r.securityId()))
                    .findFirst().orElse(null);
            certificates.save(newCertificate(e, r.securityId(), r.securityLabel(), r.stakeholderId().value(),
                    r.stockClassId().value(), r.quantity().value(), e.kind(), from, recordedAt, demo));
        }
    }

    /** Stock issued by an exercise or release of a grant. */
    @EventHandler
    void on(EquityCompensationTransaction e, @Timestamp Instant recordedAt,
            @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        issued(e, e.securityId(), e.kind(), e.resultingStock(), recordedAt, demo);
    }

    /** Stock issued by a warrant's exercise. */
    @EventHandler
    void on(WarrantTransaction e, @Timestamp Instant recordedAt, @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        issued(e, e.securityId(), e.kind(), e.resultingStock(), recordedAt, demo);
    }

    /** Stock issued by a convertible's conversion. */
    @EventHandler
    void on(ConvertibleTransaction e, @Timestamp Instant recordedAt,
            @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        issued(e, e.securityId(), e.kind(), e.resultingStock(), recordedAt, demo);
    }

    @EventHandler
    void on(CertificateOfficersSet e) {
        settings.save(new CertificateSetting(e.issuerId().value(), CertificateSetting.OFFICERS, e.date(),
                json.writeValueAsString(e.officers())));
    }

    @EventHandler
    void on(StockClassLegendsSet e) {
        settings.save(new CertificateSetting(e.issuerId().value(), CertificateSetting.LEGENDS + e.stockClassId(),
                e.date(), json.writeValueAsString(e.legends())));
    }

    @ResetHandler
    void reset() {
        certificates.deleteAllInBatch();
        settings.deleteAllInBatch();
    }

    private void issued(CapTableEvent e, SecurityId from, String kind, List<ResultingSecurity> stock,
                        Instant recordedAt, String demo) {
        for (ResultingSecurity r : stock) {
            certificates.save(newCertificate(e, r.securityId(), r.securityLabel(), r.stakeholderId().value(),
                    r.stockClassId().value(), r.quantity().value(), kind, from, recordedAt, demo));
        }
    }

    private static ResultingSecurity balance(StockTransaction e) {
        if (e instanceof StockTransferred t) {
            return t.balance();
        } else if (e instanceof StockCancelled c) {
            return c.balance();
        } else if (e instanceof StockRepurchased r) {
            return r.balance();
        } else if (e instanceof StockConverted c) {
            return c.balance();
        }
        return null;
    }

    private CertificateView newCertificate(CapTableEvent e, SecurityId securityId, String label, String stakeholderId,
                                           String stockClassId, BigDecimal quantity, String origin, SecurityId from,
                                           Instant recordedAt, String demo) {
        CertificateView c = new CertificateView();
        c.issuerId = e.issuerId().value();
        c.securityId = securityId.value();
        c.label = label;
        c.labelNumber = Labels.number(label);
        c.stakeholderId = stakeholderId;
        c.stockClassId = stockClassId;
        c.quantity = quantity;
        c.issueDate = e.date();
        c.origin = origin;
        c.sourceSecurityId = from == null ? null : from.value();
        c.status = CertificateStatus.ACTIVE;
        c.verificationCode = codes.code(c.issuerId, c.securityId);
        c.specimen = "true".equals(demo);
        c.recordedAt = recordedAt;
        return c;
    }
}
