package org.capledger.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.capledger.api.certificate.SetCertificateOfficers;
import org.capledger.api.certificate.SetStockClassLegends;
import org.capledger.api.CapTableCommand;
import org.capledger.api.CapTableEvent;
import org.capledger.api.issuance.IssueStock;
import org.capledger.api.issuer.AdjustIssuerAuthorizedShares;
import org.capledger.api.issuer.CreateIssuer;
import org.capledger.api.stakeholder.RegisterStakeholder;
import org.capledger.api.stakeholder.UpdateStakeholder;
import org.capledger.api.stockclass.AdjustStockClassAuthorizedShares;
import org.capledger.api.stockclass.CreateStockClass;
import org.capledger.api.value.Quantity;
import org.capledger.ledger.CapTableView;
import org.capledger.ledger.Ledger;
import org.junit.jupiter.api.Test;

/** The demo company passes every ledger rule and has the figures docs/walkthrough.sh checks. */
class DemoCompanyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @Test
    void everyDemoCommandIsAcceptedAndGivesTheWalkthroughFigures() {
        Ledger ledger = Ledger.empty();
        List<CapTableCommand> commands = DemoCompany.commands();
        long sequence = 0;
        for (CapTableCommand command : commands) {
            CapTableEvent event = decide(ledger, command);
            if (event != null) {
                ledger.apply(event, sequence++);
            }
        }

        CapTableView today = ledger.capTable(null);
        assertThat(today.totals().sharesOutstanding()).isEqualTo(Quantity.of(12_300_000));
        assertThat(today.holders()).hasSize(12);
        assertThat(ledger.stakeholders()).hasSize(12);
        assertThat(ledger.issuerSharesAuthorized()).isEqualTo(Quantity.of(16_000_000));
        assertThat(today.holders().get(0).name()).isEqualTo("Ada Okafor");
        assertThat(ledger.securities()).filteredOn(s -> s.securityId().value().equals("demo-priya-cs"))
                .singleElement().satisfies(s -> assertThat(s.label()).isEqualTo("CS-6"));
    }

    private static CapTableEvent decide(Ledger ledger, CapTableCommand command) {
        if (command instanceof CreateIssuer c) {
            return ledger.createIssuer(c, TODAY);
        } else if (command instanceof RegisterStakeholder c) {
            return ledger.registerStakeholder(c, TODAY);
        } else if (command instanceof UpdateStakeholder c) {
            return ledger.updateStakeholder(c, TODAY).orElse(null);
        } else if (command instanceof CreateStockClass c) {
            return ledger.createStockClass(c, TODAY);
        } else if (command instanceof AdjustStockClassAuthorizedShares c) {
            return ledger.adjustStockClassAuthorizedShares(c, TODAY);
        } else if (command instanceof AdjustIssuerAuthorizedShares c) {
            return ledger.adjustIssuerAuthorizedShares(c, TODAY);
        } else if (command instanceof IssueStock c) {
            return ledger.issueStock(c, TODAY);
        } else if (command instanceof SetCertificateOfficers c) {
            return ledger.setCertificateOfficers(c, TODAY);
        } else if (command instanceof SetStockClassLegends c) {
            return ledger.setStockClassLegends(c, TODAY);
        }
        throw new IllegalArgumentException(command.toString());
    }
}
