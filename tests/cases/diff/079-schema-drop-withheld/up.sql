-- withheld: - table old.t
--   deletes data: drops table old.t and all its rows
--   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
--   DROP TABLE old.t;

-- withheld: - schema old
--   drops schema old
--   not run: pass --allow-drops (PlanOptions::allow_drops) to include it
--   DROP SCHEMA old;
