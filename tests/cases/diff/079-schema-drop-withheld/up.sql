-- withheld: - table old.t
--   deletes data: drops table old.t and all its rows
--   not run: include it by allowing drops (PlanOptions::allow_drops)
--   DROP TABLE old.t;

-- withheld: - schema old
--   drops schema old
--   not run: include it by allowing drops (PlanOptions::allow_drops)
--   DROP SCHEMA old;
