-- Read model: accounts' roles per issuer, fed by RoleGranted / RoleRevoked events.
CREATE TABLE issuer_member (
    issuer_id      VARCHAR(128) NOT NULL,
    account_id     VARCHAR(128) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    stakeholder_id VARCHAR(128),
    granted_on     DATE         NOT NULL,
    PRIMARY KEY (issuer_id, account_id)
);
CREATE INDEX issuer_member_account ON issuer_member (account_id);
