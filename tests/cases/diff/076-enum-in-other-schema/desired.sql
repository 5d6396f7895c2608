CREATE SCHEMA app;
CREATE TYPE app.state AS ENUM ('new', 'running', 'done');
CREATE TABLE app.jobs (s app.state DEFAULT 'running');
