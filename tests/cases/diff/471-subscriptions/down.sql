-- undo: + subscription "New one"
ALTER SUBSCRIPTION "New one" DISABLE;
ALTER SUBSCRIPTION "New one" SET (slot_name = NONE);
DROP SUBSCRIPTION "New one";

-- undo: ~ subscription "Changes" (replaced in place)
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: deletes data
ALTER SUBSCRIPTION "Changes" DISABLE;
ALTER SUBSCRIPTION "Changes" SET (synchronous_commit = 'off');
ALTER SUBSCRIPTION "Changes" SET (disable_on_error = false);
ALTER SUBSCRIPTION "Changes" SET PUBLICATION p1, p0 WITH (refresh = false);
ALTER SUBSCRIPTION "Changes" SET (binary = true);
ALTER SUBSCRIPTION "Changes" SET (streaming = on);

-- undo: - subscription goes
CREATE SUBSCRIPTION goes CONNECTION 'dbname=app' PUBLICATION p WITH (connect = false, slot_name = 'goes_slot', binary = false, streaming = off, two_phase = false, disable_on_error = false, synchronous_commit = 'off');
