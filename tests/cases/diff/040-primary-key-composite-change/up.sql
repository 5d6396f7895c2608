-- - primary key enrolments_pkey on enrolments
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.enrolments DROP CONSTRAINT enrolments_pkey;

-- ~ column enrolments.term: set not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.enrolments ALTER COLUMN term SET NOT NULL;

-- + primary key enrolments_pkey on enrolments (student_id, course_id, term)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.enrolments ADD CONSTRAINT enrolments_pkey PRIMARY KEY (student_id, course_id, term);
