-- A plan's activity: shares ever granted from it, exercised or released, and returned to its pool.
ALTER TABLE stock_plan_view
    ADD COLUMN shares_granted   NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN shares_exercised NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN shares_returned  NUMERIC NOT NULL DEFAULT 0;
