-- ~ column voltages.volt: sequence options
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.voltages', 'volt'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 5 MINVALUE -100 MAXVALUE 100 START WITH -100 CACHE 1 NO CYCLE', s) || CASE WHEN v < -100 OR v > 100 THEN ' RESTART' ELSE '' END; END $strata$;

-- ~ column voltages."Amps": sequence options
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY -1 NO MINVALUE NO MAXVALUE START WITH -5 CACHE 1 NO CYCLE RESTART', pg_catalog.pg_get_serial_sequence('public.voltages', 'Amps')); END $strata$;

-- ~ column voltages.kept: sequence options
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.voltages', 'kept'); v bigint; BEGIN EXECUTE pg_catalog.format('SELECT last_value FROM %s', s) INTO v; EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 1 CACHE 5 NO CYCLE', s) || CASE WHEN v < 1 THEN ' RESTART' ELSE '' END; END $strata$;
