package org.capledger.query.stakeholders;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.capledger.api.stakeholder.StakeholderRegistered;
import org.capledger.api.stakeholder.StakeholderRelationshipChanged;
import org.capledger.api.stakeholder.StakeholderStatusChanged;
import org.capledger.api.stakeholder.StakeholderUpdated;
import org.capledger.api.value.Address;
import org.capledger.api.value.StakeholderName;
import org.capledger.query.QuerySideConfiguration;
import org.springframework.stereotype.Component;

/** Keeps {@code stakeholder_view}. */
@Component
@ProcessingGroup(QuerySideConfiguration.READ_MODELS)
class StakeholderProjection {

    private final StakeholderViewRepository stakeholders;

    StakeholderProjection(StakeholderViewRepository stakeholders) {
        this.stakeholders = stakeholders;
    }

    @EventHandler
    void on(StakeholderRegistered e) {
        StakeholderView view = new StakeholderView();
        view.stakeholderId = e.stakeholderId().value();
        view.issuerId = e.issuerId().value();
        view.stakeholderType = e.type().name();
        view.registeredOn = e.date();
        view.status = "ACTIVE";
        apply(view, e.name(), e.email(), e.relationship().name(), e.address(), e.accreditedInvestor(), e.date());
    }

    @EventHandler
    void on(StakeholderUpdated e) {
        StakeholderView view = stakeholder(e.issuerId().value(), e.stakeholderId().value());
        apply(view, e.name(), e.email(), e.relationship().name(), e.address(), e.accreditedInvestor(), e.date());
    }

    @EventHandler
    void on(StakeholderStatusChanged e) {
        StakeholderView view = stakeholder(e.issuerId().value(), e.stakeholderId().value());
        view.status = e.newStatus().name();
        view.updatedOn = e.date();
        stakeholders.save(view);
    }

    @EventHandler
    void on(StakeholderRelationshipChanged e) {
        StakeholderView view = stakeholder(e.issuerId().value(), e.stakeholderId().value());
        view.relationship = e.relationship().name();
        view.updatedOn = e.date();
        stakeholders.save(view);
    }

    private StakeholderView stakeholder(String issuerId, String stakeholderId) {
        return stakeholders.findById(new StakeholderView.Key(issuerId, stakeholderId)).orElseThrow();
    }

    private void apply(StakeholderView view, StakeholderName name, String email, String relationship,
                       Address address, Boolean accreditedInvestor, java.time.LocalDate date) {
        view.legalName = name.legalName();
        view.firstName = name.firstName();
        view.lastName = name.lastName();
        view.email = email;
        view.relationship = relationship;
        view.addressType = address == null ? null : address.addressType().name();
        view.streetSuite = address == null ? null : address.streetSuite();
        view.city = address == null ? null : address.city();
        view.countrySubdivision = address == null ? null : address.countrySubdivision();
        view.country = address == null ? null : address.country();
        view.postalCode = address == null ? null : address.postalCode();
        view.accreditedInvestor = accreditedInvestor;
        view.updatedOn = date;
        stakeholders.save(view);
    }

    @ResetHandler
    void reset() {
        stakeholders.deleteAllInBatch();
    }
}
