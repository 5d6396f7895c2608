-- Interval columns restricted to fields or with a seconds precision.
CREATE TABLE spans (a interval, b interval(3), c interval year, d interval day to second(2), e interval minute to second);
INSERT INTO spans VALUES ('1 day', '1.5 s', '2 years', '3 days 04:05:06.78', '00:01:02');
