-- Read models, fed only by events through the 'read-models' tracking processor. Quantities are exact NUMERIC.
CREATE TABLE issuer_view (
    issuer_id                VARCHAR(128) NOT NULL PRIMARY KEY,
    legal_name               VARCHAR(300) NOT NULL,
    formation_date           DATE         NOT NULL,
    country_of_formation     VARCHAR(2)     NOT NULL,
    subdivision_of_formation VARCHAR(3),
    tax_id                   VARCHAR(64),
    shares_authorized        NUMERIC,
    authorized_date          DATE,
    authorized_sequence      BIGINT,
    version                  BIGINT       NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL
);

CREATE TABLE stakeholder_view (
    stakeholder_id   VARCHAR(128) NOT NULL PRIMARY KEY,
    issuer_id        VARCHAR(128) NOT NULL,
    stakeholder_type VARCHAR(16)  NOT NULL,
    legal_name       VARCHAR(300) NOT NULL,
    first_name       VARCHAR(300),
    last_name        VARCHAR(300),
    email            VARCHAR(254),
    relationship     VARCHAR(32)  NOT NULL,
    registered_on    DATE         NOT NULL,
    updated_on       DATE         NOT NULL
);
CREATE INDEX stakeholder_view_issuer ON stakeholder_view (issuer_id, legal_name);

CREATE TABLE stock_class_view (
    stock_class_id            VARCHAR(128) NOT NULL PRIMARY KEY,
    issuer_id                 VARCHAR(128) NOT NULL,
    name                      VARCHAR(200) NOT NULL,
    class_type                VARCHAR(16)  NOT NULL,
    certificate_prefix        VARCHAR(16)  NOT NULL,
    par_value_amount          NUMERIC,
    par_value_currency        VARCHAR(3),
    votes_per_share           NUMERIC      NOT NULL,
    seniority                 INTEGER      NOT NULL,
    fractional_shares_allowed BOOLEAN      NOT NULL,
    shares_authorized         NUMERIC      NOT NULL,
    authorized_date           DATE         NOT NULL,
    authorized_sequence       BIGINT       NOT NULL,
    shares_outstanding        NUMERIC      NOT NULL,
    created_on                DATE         NOT NULL
);
CREATE INDEX stock_class_view_issuer ON stock_class_view (issuer_id, name);

CREATE TABLE security_view (
    security_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    issuer_id      VARCHAR(128) NOT NULL,
    label          VARCHAR(64)  NOT NULL,
    label_number   BIGINT       NOT NULL,
    stakeholder_id VARCHAR(128) NOT NULL,
    stock_class_id VARCHAR(128) NOT NULL,
    quantity       NUMERIC      NOT NULL,
    price_amount   NUMERIC      NOT NULL,
    price_currency VARCHAR(3)    NOT NULL,
    consideration  VARCHAR(2000),
    issue_date     DATE         NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT security_view_label UNIQUE (issuer_id, label)
);
CREATE INDEX security_view_holder ON security_view (issuer_id, stakeholder_id);

CREATE TABLE audit_entry (
    global_position BIGINT       NOT NULL PRIMARY KEY,
    issuer_id       VARCHAR(128) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    effective_date  DATE         NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(255) NOT NULL,
    correlation_id  VARCHAR(255),
    summary         VARCHAR(2000) NOT NULL
);
CREATE INDEX audit_entry_issuer ON audit_entry (issuer_id, global_position);
