-- undo: + view app.rich
DROP VIEW app.rich;

-- undo: + view app.account_v
DROP VIEW app.account_v;

-- undo: - view app.account_v
CREATE VIEW app.account_v AS SELECT account.id,
    account.balance
   FROM app.account;

-- undo: - view app.rich
CREATE VIEW app.rich AS SELECT account_v.id
   FROM app.account_v
  WHERE (account_v.balance > (10)::numeric);
