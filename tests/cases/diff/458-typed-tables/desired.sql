CREATE SCHEMA "Typed";
CREATE TYPE "Typed".person AS (id integer, name text);
CREATE TABLE "Typed".staff (id integer PRIMARY KEY, name text);
CREATE TABLE "Typed".guests OF "Typed".person;
CREATE TABLE "Typed".visitors OF "Typed".person (id WITH OPTIONS PRIMARY KEY, name WITH OPTIONS DEFAULT 'anonymous');
CREATE TYPE "Typed".badge AS (id integer, label text, color text);
CREATE TABLE "Typed".badges OF "Typed".badge;
