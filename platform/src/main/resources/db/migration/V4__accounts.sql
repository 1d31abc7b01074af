-- Accounts and sessions. Not event-sourced: credentials and contact details stay out of the event store.
CREATE TABLE account (
    account_id          VARCHAR(128) NOT NULL PRIMARY KEY,
    email               VARCHAR(254) NOT NULL,
    password_hash       VARCHAR(512) NOT NULL,
    platform_admin      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ  NOT NULL,
    password_changed_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT account_email UNIQUE (email)
);

-- Refresh tokens, stored as SHA-256 hashes. A family is one login (a session); rotation adds a token to the
-- family and marks the previous one used. Presenting a used token revokes the whole family.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    family_id   VARCHAR(64)  NOT NULL,
    account_id  VARCHAR(128) NOT NULL REFERENCES account (account_id),
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);

CREATE TABLE session (
    family_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id   VARCHAR(128) NOT NULL REFERENCES account (account_id),
    user_agent   VARCHAR(512),
    ip_address   VARCHAR(64),
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ  NOT NULL,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX session_account ON session (account_id);

-- Access tokens denied before they expire (logout), by jti; rows past expires_at can be deleted.
CREATE TABLE revoked_access_token (
    jti        VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
