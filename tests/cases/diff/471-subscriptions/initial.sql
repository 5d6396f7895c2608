-- Subscriptions, made without connecting to their publishers: one with a
-- password in its connection string (never read: what is compared and
-- written has none), one that changes in place (publications, options,
-- enabled; the connection string belongs to the environment and is not
-- compared), one dropped (without its publisher's slot) and one created.
CREATE TABLE t (id int PRIMARY KEY);
CREATE SUBSCRIPTION keep_me CONNECTION 'host=db.example.com dbname=app user=repl password=hunter2 sslpassword=keypass' PUBLICATION pub_a WITH (connect = false, slot_name = NONE);
CREATE SUBSCRIPTION "Changes" CONNECTION 'postgresql://repl:s3cret@db.example.com:5433/app?sslmode=require' PUBLICATION p1, p0 WITH (connect = false, slot_name = 'changes_slot', binary = true, streaming = on);
CREATE SUBSCRIPTION goes CONNECTION 'dbname=app' PUBLICATION p WITH (connect = false, slot_name = 'goes_slot');
