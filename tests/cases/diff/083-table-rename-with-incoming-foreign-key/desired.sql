CREATE TABLE families (id integer CONSTRAINT parents_pkey PRIMARY KEY);
CREATE TABLE kids (id integer, parent_id integer CONSTRAINT kids_parent_id_fkey REFERENCES families (id));
