-- note: subscription goes is dropped without its replication slot on the publisher (slot_name = NONE first): drop the slot there, or the publisher keeps its WAL
-- note: subscription "New one" is made without connecting (connect = false) and with no password in its connection string: give it one or a password file, create its slot on the publisher if it names one, then ALTER SUBSCRIPTION "New one" REFRESH PUBLICATION to sync its tables

-- - subscription goes
ALTER SUBSCRIPTION goes DISABLE;
ALTER SUBSCRIPTION goes SET (slot_name = NONE);
DROP SUBSCRIPTION goes;

-- ~ subscription "Changes" (replaced in place)
-- hazard: deletes data
ALTER SUBSCRIPTION "Changes" SET (streaming = off);
ALTER SUBSCRIPTION "Changes" SET (binary = false);
ALTER SUBSCRIPTION "Changes" SET PUBLICATION p2 WITH (refresh = false);
ALTER SUBSCRIPTION "Changes" SET (disable_on_error = true);
ALTER SUBSCRIPTION "Changes" SET (synchronous_commit = 'local');
ALTER SUBSCRIPTION "Changes" ENABLE;

-- + subscription "New one"
CREATE SUBSCRIPTION "New one" CONNECTION 'dbname=app user=repl' PUBLICATION "Pub X", pub_y WITH (connect = false, slot_name = NONE, binary = false, streaming = off, two_phase = true, disable_on_error = false, synchronous_commit = 'off');
