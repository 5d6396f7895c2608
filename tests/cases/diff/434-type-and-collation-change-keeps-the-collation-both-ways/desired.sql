CREATE TABLE labels (
    id integer PRIMARY KEY,
    code varchar(255) COLLATE "C" NOT NULL,
    title text COLLATE "C",
    note text COLLATE "POSIX"
);
