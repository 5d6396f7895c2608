CREATE TYPE labelled AS (id integer, label text COLLATE "POSIX", note text, code text COLLATE "C");
CREATE TYPE "Tagged" AS (tag varchar(20) COLLATE "C");
