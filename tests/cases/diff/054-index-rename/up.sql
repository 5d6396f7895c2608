-- ~ rename index old_name -> accounts_name_idx on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER INDEX public.old_name RENAME TO accounts_name_idx;
