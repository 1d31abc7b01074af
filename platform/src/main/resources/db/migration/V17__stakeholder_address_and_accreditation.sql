-- A stakeholder's postal address (OCF Address; a register of members shows it, Companies Act 2006 s.113) and
-- accreditation (Regulation D Rule 501(a); NULL = unknown), from StakeholderRegistered and StakeholderUpdated
-- revision 2. Rows of earlier events have neither, which is what those events meant.
ALTER TABLE stakeholder_view ADD COLUMN address_type        VARCHAR(16);
ALTER TABLE stakeholder_view ADD COLUMN street_suite        VARCHAR(500);
ALTER TABLE stakeholder_view ADD COLUMN city                VARCHAR(200);
ALTER TABLE stakeholder_view ADD COLUMN country_subdivision VARCHAR(3);
ALTER TABLE stakeholder_view ADD COLUMN country             VARCHAR(2);
ALTER TABLE stakeholder_view ADD COLUMN postal_code         VARCHAR(32);
ALTER TABLE stakeholder_view ADD COLUMN accredited_investor BOOLEAN;
