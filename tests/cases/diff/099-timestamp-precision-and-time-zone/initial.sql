CREATE TABLE t (a timestamp(3), b timestamp, c time);
