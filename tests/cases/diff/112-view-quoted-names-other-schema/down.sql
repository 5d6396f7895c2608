-- undo: + view "App"."My View"
DROP VIEW "App"."My View";
