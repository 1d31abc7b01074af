-- Share certificates (query side): one per stock security, rebuilt from events like every read model.
CREATE TABLE certificate (
    issuer_id               VARCHAR(128) NOT NULL,
    security_id             VARCHAR(128) NOT NULL,
    label                   VARCHAR(64)  NOT NULL,
    label_number            BIGINT       NOT NULL,
    stakeholder_id          VARCHAR(128) NOT NULL,
    stock_class_id          VARCHAR(128) NOT NULL,
    quantity                NUMERIC      NOT NULL,
    issue_date              DATE         NOT NULL,
    -- the transaction that issued it (ISSUANCE, TRANSFER, REISSUANCE, EXERCISE, ...) and the security it came from
    origin                  VARCHAR(32)  NOT NULL,
    source_security_id      VARCHAR(128),
    -- ACTIVE, CANCELLED, VOID or REPLACED; what ended it (TRANSFER, CANCELLATION, RETRACTION, ...) and when
    status                  VARCHAR(16)  NOT NULL,
    ended_by                VARCHAR(32),
    ended_on                DATE,
    balance_security_id     VARCHAR(128),
    replacement_security_id VARCHAR(128),
    affidavit_date          DATE,
    verification_code       VARCHAR(32)  NOT NULL,
    specimen                BOOLEAN      NOT NULL,
    recorded_at             TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (issuer_id, security_id),
    CONSTRAINT certificate_label UNIQUE (issuer_id, label),
    CONSTRAINT certificate_verification_code UNIQUE (verification_code)
);
CREATE INDEX certificate_holder ON certificate (issuer_id, stakeholder_id);

-- What certificates print from a date on: the signing officers ('officers') or a class's legends
-- ('legends:<stock class id>'), as a JSON array; a later setting of the same date replaces an earlier one.
CREATE TABLE certificate_setting (
    issuer_id      VARCHAR(128) NOT NULL,
    subject        VARCHAR(160) NOT NULL,
    effective_date DATE         NOT NULL,
    content        TEXT         NOT NULL,
    PRIMARY KEY (issuer_id, subject, effective_date)
);

-- Mail to holders about new certificates (an outbox). Not a read model: a rebuild neither clears nor refills it, so
-- a replay never mails anyone twice.
CREATE TABLE certificate_notice (
    issuer_id       VARCHAR(128) NOT NULL,
    security_id     VARCHAR(128) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    sent_at         TIMESTAMPTZ,
    outcome         VARCHAR(32),
    PRIMARY KEY (issuer_id, security_id)
);
CREATE INDEX certificate_notice_pending ON certificate_notice (next_attempt_at) WHERE sent_at IS NULL;

-- The read models' version (ReadModelUpgrade on the query side): when a release changes what the read models hold,
-- the first query-side instance to start rebuilds them from the events. 0: never built by a versioned release.
CREATE TABLE read_model_version (
    version INTEGER NOT NULL
);
INSERT INTO read_model_version (version) VALUES (0);
