-- + table "Books".lines
CREATE TABLE "Books".lines (
    id integer NOT NULL,
    CONSTRAINT lines_pkey PRIMARY KEY (id)
);

-- + grant to strata_golden_writer (note) ON TABLE "Books".orders
GRANT UPDATE (note) ON TABLE "Books".orders TO strata_golden_writer;

-- + grant to strata_golden_writer ON TABLE "Books".lines
GRANT SELECT ON TABLE "Books".lines TO strata_golden_writer;

-- + grant to strata_golden_writer ON TABLE "Books".orders
GRANT SELECT ON TABLE "Books".orders TO strata_golden_writer;

-- + grant to strata_golden_writer ON SCHEMA "Books"
GRANT USAGE ON SCHEMA "Books" TO strata_golden_writer;

-- + grant to strata_golden_reader ON TABLE "Books".orders
GRANT INSERT, SELECT ON TABLE "Books".orders TO strata_golden_reader;

-- + grant to Strata Golden Auditor (note) ON TABLE "Books".orders
GRANT UPDATE (note) ON TABLE "Books".orders TO "Strata Golden Auditor";

-- + grant to strata_golden_reader ON SCHEMA "Books"
GRANT USAGE ON SCHEMA "Books" TO strata_golden_reader;

-- + grant to Strata Golden Auditor ON TABLE "Books".lines
GRANT SELECT ON TABLE "Books".lines TO "Strata Golden Auditor";

-- + grant to Strata Golden Auditor ON TABLE "Books".orders
GRANT SELECT ON TABLE "Books".orders TO "Strata Golden Auditor";
