package org.capledger.query.stakeholders;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.capledger.api.value.Address;
import org.capledger.api.value.AddressType;

/** Read model row: one stakeholder of one issuer, as of the latest recorded update. */
@Entity
@Table(name = "stakeholder_view")
@IdClass(StakeholderView.Key.class)
public class StakeholderView {

    /** Composite key: stakeholder ids are unique only within their issuer. */
    public record Key(String issuerId, String stakeholderId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    String issuerId;
    @Id
    @Column(name = "stakeholder_id")
    String stakeholderId;
    String stakeholderType;
    String legalName;
    String firstName;
    String lastName;
    String email;
    String relationship;
    LocalDate registeredOn;
    LocalDate updatedOn;
    String status;
    String addressType;
    String streetSuite;
    String city;
    String countrySubdivision;
    String country;
    String postalCode;
    Boolean accreditedInvestor;

    protected StakeholderView() {
    }

    /** @return the postal address, or null when none is recorded */
    public Address address() {
        return addressType == null ? null : new Address(AddressType.valueOf(addressType), streetSuite, city,
                countrySubdivision, country, postalCode);
    }

    /** @return Regulation D Rule 501(a) accreditation; null when unknown */
    public Boolean accreditedInvestor() {
        return accreditedInvestor;
    }

    /** @return ACTIVE or another OCF StakeholderStatusType */
    public String status() {
        return status;
    }

    public String stakeholderId() {
        return stakeholderId;
    }

    public String issuerId() {
        return issuerId;
    }

    public String stakeholderType() {
        return stakeholderType;
    }

    public String legalName() {
        return legalName;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String email() {
        return email;
    }

    public String relationship() {
        return relationship;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public LocalDate updatedOn() {
        return updatedOn;
    }
}
