-- OCF package imports (POST /api/ocf/imports): status, progress and report, polled by the importing account.
-- The cap table itself is only ever in the event store; a failed import leaves nothing but this row.
CREATE TABLE ocf_import (
    import_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(128) NOT NULL,
    file_name     VARCHAR(255),
    dry_run       BOOLEAN      NOT NULL,
    options       VARCHAR(255) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    items_done    INTEGER      NOT NULL DEFAULT 0,
    items_total   INTEGER,
    issuer_id     VARCHAR(128),
    recorded      INTEGER,
    events        BIGINT,
    position      BIGINT,
    error_count   INTEGER,
    warning_count INTEGER,
    report        TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    duration_ms   BIGINT
);
CREATE INDEX ocf_import_account ON ocf_import (account_id, created_at DESC);
