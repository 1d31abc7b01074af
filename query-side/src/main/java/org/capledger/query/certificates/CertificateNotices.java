package org.capledger.query.certificates;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.capledger.api.CapTableEvent;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.convertible.ConvertibleTransaction;
import org.capledger.api.equity.EquityCompensationTransaction;
import org.capledger.api.issuance.StockIssued;
import org.capledger.api.stock.ResultingSecurity;
import org.capledger.api.stock.StockTransaction;
import org.capledger.api.value.SecurityId;
import org.capledger.api.warrant.WarrantTransaction;
import org.capledger.query.QuerySideConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues a mail to the holder of every new certificate ({@code certificate_notice}), in the same transaction as
 * the read models, for {@link CertificateMailer} to send. Guarded three ways against mailing twice:
 * {@link DisallowReplay} skips it while a rebuild replays old events; a notice is inserted at most once per
 * certificate ({@code ON CONFLICT DO NOTHING}) and a rebuild never clears the table. Certificates recorded by an
 * OCF import (history brought in at once) and the demo company's get no notice.
 */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class CertificateNotices {

    private final JdbcTemplate jdbc;

    CertificateNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(StockIssued e, @MetaDataValue(MetaDataKeys.OCF_IMPORT) String ocfImport,
            @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        queue(e, List.of(e.securityId()), ocfImport, demo);
    }

    @EventHandler
    @DisallowReplay
    void on(StockTransaction e, @MetaDataValue(MetaDataKeys.OCF_IMPORT) String ocfImport,
            @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        queue(e, ids(e.newSecurities()), ocfImport, demo);
    }

    @EventHandler
    @DisallowReplay
    void on(EquityCompensationTransaction e, @MetaDataValue(MetaDataKeys.OCF_IMPORT) String ocfImport,
            @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        queue(e, ids(e.resultingStock()), ocfImport, demo);
    }

    @EventHandler
    @DisallowReplay
    void on(WarrantTransaction e, @MetaDataValue(MetaDataKeys.OCF_IMPORT) String ocfImport,
            @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        queue(e, ids(e.resultingStock()), ocfImport, demo);
    }

    @EventHandler
    @DisallowReplay
    void on(ConvertibleTransaction e, @MetaDataValue(MetaDataKeys.OCF_IMPORT) String ocfImport,
            @MetaDataValue(MetaDataKeys.DEMO) String demo) {
        queue(e, ids(e.resultingStock()), ocfImport, demo);
    }

    private void queue(CapTableEvent e, List<SecurityId> securities, String ocfImport, String demo) {
        if (ocfImport != null || "true".equals(demo) || securities.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (SecurityId security : securities) {
            jdbc.update("INSERT INTO certificate_notice (issuer_id, security_id, created_at, next_attempt_at) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", e.issuerId().value(), security.value(), now, now);
        }
    }

    private static List<SecurityId> ids(List<ResultingSecurity> securities) {
        return securities.stream().map(ResultingSecurity::securityId).toList();
    }
}
