-- + table "Log"."Entry"
CREATE TABLE "Log"."Entry" (
    "At" timestamp with time zone NOT NULL,
    msg text
) PARTITION BY RANGE ("At");

-- + table "Log"."Entry 2024"
CREATE TABLE "Log"."Entry 2024" PARTITION OF "Log"."Entry" FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
