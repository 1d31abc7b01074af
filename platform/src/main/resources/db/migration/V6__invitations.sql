-- Invitations to an issuer. The invitee's email and the token's hash stay here, out of the event store; events
-- carry only the invitation id.
CREATE TABLE invitation (
    invitation_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    token_hash          VARCHAR(64)  NOT NULL,
    issuer_id           VARCHAR(128) NOT NULL,
    email               VARCHAR(254) NOT NULL,
    invited_by          VARCHAR(128) NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    expires_at          TIMESTAMPTZ  NOT NULL,
    accepted_at         TIMESTAMPTZ,
    accepted_account_id VARCHAR(128),
    CONSTRAINT invitation_token UNIQUE (token_hash)
);
