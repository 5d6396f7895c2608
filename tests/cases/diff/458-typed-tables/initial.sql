-- Typed tables (CREATE TABLE ... OF type): one stops being typed (NOT OF),
-- one plain table becomes typed (OF), a new typed table with a key and a
-- default, one dropped, one whose type gains an attribute (NOT OF and OF
-- around the change); a schema that needs quoting.
CREATE SCHEMA "Typed";
CREATE TYPE "Typed".person AS (id integer, name text);
CREATE TABLE "Typed".staff OF "Typed".person (id WITH OPTIONS PRIMARY KEY);
CREATE TABLE "Typed".guests (id integer, name text);
CREATE TABLE "Typed".old OF "Typed".person;
CREATE TYPE "Typed".badge AS (id integer, label text);
CREATE TABLE "Typed".badges OF "Typed".badge;
