CREATE TABLE spans (a interval hour, b interval(5), c interval year to month, d interval day to second, e interval minute to second, f interval(0) NOT NULL DEFAULT '1 day');
CREATE TABLE more_spans (x interval second(1)[]);
