-- Responses to POSTs that carried an Idempotency-Key, committed in the same transaction as the command's events.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(255) NOT NULL PRIMARY KEY,
    request_hash    VARCHAR(64)     NOT NULL,
    status          INTEGER,
    location        VARCHAR(1024),
    etag            VARCHAR(64),
    position        BIGINT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
