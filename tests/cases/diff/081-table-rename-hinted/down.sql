-- undo: ~ rename constraint accounts_pkey -> users_pkey on users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.users RENAME CONSTRAINT users_pkey TO accounts_pkey;

-- undo: ~ rename table accounts -> users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.users RENAME TO accounts;
