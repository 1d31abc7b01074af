-- A stakeholder's status (OCF StakeholderStatusType), changed by StakeholderStatusChanged.
ALTER TABLE stakeholder_view ADD COLUMN status VARCHAR(48) NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE stakeholder_view ALTER COLUMN status DROP DEFAULT;
