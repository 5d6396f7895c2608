-- ~ rename table accounts -> users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts RENAME TO users;

-- ~ rename constraint accounts_pkey -> users_pkey on users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.users RENAME CONSTRAINT accounts_pkey TO users_pkey;
