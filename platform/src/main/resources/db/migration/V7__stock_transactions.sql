-- Stock transactions after issuance (OCF terminal transactions): securities get an origin, acceptance and
-- extinguishment dates; links record which securities each transaction turned into which.
ALTER TABLE security_view
    ALTER COLUMN price_amount DROP NOT NULL,
    ALTER COLUMN price_currency DROP NOT NULL,
    ADD COLUMN origin          VARCHAR(16) NOT NULL DEFAULT 'ISSUANCE',
    ADD COLUMN accepted_on     DATE,
    ADD COLUMN extinguished_on DATE;
ALTER TABLE security_view ALTER COLUMN origin DROP DEFAULT;
CREATE INDEX security_view_class ON security_view (issuer_id, stock_class_id, status);

CREATE TABLE security_link (
    from_security_id VARCHAR(128) NOT NULL,
    to_security_id   VARCHAR(128) NOT NULL,
    issuer_id        VARCHAR(128) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    effective_date   DATE         NOT NULL,
    PRIMARY KEY (from_security_id, to_security_id)
);
CREATE INDEX security_link_to ON security_link (to_security_id);

-- A stock class's conversion rights, with the ratio in force after the latest adjustment in effective order.
CREATE TABLE conversion_right_view (
    stock_class_id             VARCHAR(128) NOT NULL,
    converts_to_stock_class_id VARCHAR(128) NOT NULL,
    issuer_id                  VARCHAR(128) NOT NULL,
    ratio_numerator            NUMERIC      NOT NULL,
    ratio_denominator          NUMERIC      NOT NULL,
    rounding_type              VARCHAR(16)  NOT NULL,
    ratio_date                 DATE         NOT NULL,
    PRIMARY KEY (stock_class_id, converts_to_stock_class_id)
);

ALTER TABLE stock_class_view ADD COLUMN last_split_on DATE;
