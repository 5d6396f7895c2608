CREATE SCHEMA "Text Ops";
CREATE TABLE "Text Ops".person (id int PRIMARY KEY, email text NOT NULL);
INSERT INTO "Text Ops".person VALUES (1, 'A@example.com'), (2, 'b@example.com');
