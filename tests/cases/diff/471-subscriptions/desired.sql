CREATE TABLE t (id int PRIMARY KEY);
CREATE SUBSCRIPTION keep_me CONNECTION 'host=db.example.com dbname=app user=repl password=other' PUBLICATION pub_a WITH (connect = false, slot_name = NONE);
CREATE SUBSCRIPTION "Changes" CONNECTION 'host=elsewhere dbname=app' PUBLICATION p2 WITH (connect = false, slot_name = 'changes_slot', disable_on_error = true, synchronous_commit = 'local');
ALTER SUBSCRIPTION "Changes" ENABLE;
CREATE SUBSCRIPTION "New one" CONNECTION 'dbname=app user=repl' PUBLICATION "Pub X", pub_y WITH (connect = false, slot_name = NONE, two_phase = true);
