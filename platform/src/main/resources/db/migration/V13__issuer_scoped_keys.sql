-- Stakeholder, stock class, stock plan and security ids are unique only within their issuer (clients may choose
-- security ids; an OCF import keeps the package's own, such as share_issuance_01), so every read model keys them
-- together with issuer_id. Keyed by the id alone, one issuer's row was overwritten by another's with the same id.
-- The keys only widen, so existing rows all fit; a read model that such a collision already overwrote is repaired by
-- rebuilding the read models from the event store (docs/architecture.md, "Projection rebuild").
ALTER TABLE stakeholder_view DROP CONSTRAINT stakeholder_view_pkey;
ALTER TABLE stakeholder_view ADD CONSTRAINT stakeholder_view_pkey PRIMARY KEY (issuer_id, stakeholder_id);

ALTER TABLE stock_class_view DROP CONSTRAINT stock_class_view_pkey;
ALTER TABLE stock_class_view ADD CONSTRAINT stock_class_view_pkey PRIMARY KEY (issuer_id, stock_class_id);

ALTER TABLE conversion_right_view DROP CONSTRAINT conversion_right_view_pkey;
ALTER TABLE conversion_right_view ADD CONSTRAINT conversion_right_view_pkey
    PRIMARY KEY (issuer_id, stock_class_id, converts_to_stock_class_id);

ALTER TABLE stock_plan_view DROP CONSTRAINT stock_plan_view_pkey;
ALTER TABLE stock_plan_view ADD CONSTRAINT stock_plan_view_pkey PRIMARY KEY (issuer_id, stock_plan_id);

ALTER TABLE security_view DROP CONSTRAINT security_view_pkey;
ALTER TABLE security_view ADD CONSTRAINT security_view_pkey PRIMARY KEY (issuer_id, security_id);

ALTER TABLE grant_view DROP CONSTRAINT grant_view_pkey;
ALTER TABLE grant_view ADD CONSTRAINT grant_view_pkey PRIMARY KEY (issuer_id, security_id);

ALTER TABLE instrument_view DROP CONSTRAINT instrument_view_pkey;
ALTER TABLE instrument_view ADD CONSTRAINT instrument_view_pkey PRIMARY KEY (issuer_id, security_id);

ALTER TABLE security_link DROP CONSTRAINT security_link_pkey;
ALTER TABLE security_link ADD CONSTRAINT security_link_pkey
    PRIMARY KEY (issuer_id, from_security_id, to_security_id);
DROP INDEX security_link_to;
CREATE INDEX security_link_to ON security_link (issuer_id, to_security_id);
