CREATE TABLE enrolments (
    student_id integer NOT NULL,
    course_id integer NOT NULL,
    term text NOT NULL,
    PRIMARY KEY (student_id, course_id, term)
);
