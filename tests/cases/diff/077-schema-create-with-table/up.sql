-- + schema billing
CREATE SCHEMA billing;

-- + table billing.invoices
CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    total numeric(12,2) NOT NULL,
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);
