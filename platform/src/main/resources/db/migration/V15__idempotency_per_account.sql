-- Idempotency keys are the client's: two accounts that happen to choose the same key must not see each other's
-- responses (issuer ids, created ids, positions). Records are kept per (account, key).
ALTER TABLE idempotency_record ADD COLUMN account_id VARCHAR(128) NOT NULL DEFAULT '';
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD PRIMARY KEY (account_id, idempotency_key);
ALTER TABLE idempotency_record ALTER COLUMN account_id DROP DEFAULT;
