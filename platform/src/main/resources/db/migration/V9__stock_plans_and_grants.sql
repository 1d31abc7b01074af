-- Stock plans with their pool (in force after the latest adjustment in effective order), what is consumed from it
-- (outstanding grants, exercised, released, retired or held shares) and what is under outstanding grants.
CREATE TABLE stock_plan_view (
    stock_plan_id         VARCHAR(128) NOT NULL PRIMARY KEY,
    issuer_id             VARCHAR(128) NOT NULL,
    plan_name             VARCHAR(200) NOT NULL,
    created_on            DATE         NOT NULL,
    cancellation_behavior VARCHAR(32)  NOT NULL,
    stock_class_ids       VARCHAR(2000) NOT NULL,
    shares_authorized     NUMERIC      NOT NULL,
    authorized_date       DATE         NOT NULL,
    authorized_sequence   BIGINT       NOT NULL,
    shares_consumed       NUMERIC      NOT NULL,
    grants_outstanding    NUMERIC      NOT NULL
);
CREATE INDEX stock_plan_view_issuer ON stock_plan_view (issuer_id, plan_name);

-- Equity compensation securities (options, RSUs, SARs). Vesting is computed from the event stream when asked.
CREATE TABLE grant_view (
    security_id       VARCHAR(128) NOT NULL PRIMARY KEY,
    issuer_id         VARCHAR(128) NOT NULL,
    label             VARCHAR(64)  NOT NULL,
    label_number      BIGINT       NOT NULL,
    stakeholder_id    VARCHAR(128) NOT NULL,
    stock_plan_id     VARCHAR(128),
    stock_class_id    VARCHAR(128) NOT NULL,
    compensation_type VARCHAR(16)  NOT NULL,
    quantity          NUMERIC      NOT NULL,
    exercise_price_amount   NUMERIC,
    exercise_price_currency VARCHAR(3),
    expiration_date   DATE         NOT NULL,
    issue_date        DATE         NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    origin            VARCHAR(16)  NOT NULL,
    accepted_on       DATE,
    extinguished_on   DATE,
    source_security_id VARCHAR(128),
    recorded_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT grant_view_label UNIQUE (issuer_id, label)
);
CREATE INDEX grant_view_holder ON grant_view (issuer_id, stakeholder_id);
