-- undo: ~ rename index old_name -> accounts_name_idx on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER INDEX public.accounts_name_idx RENAME TO old_name;
