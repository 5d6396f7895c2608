CREATE SCHEMA app;
CREATE TYPE app.state AS ENUM ('new', 'done');
CREATE TABLE app.jobs (s app.state DEFAULT 'new');
