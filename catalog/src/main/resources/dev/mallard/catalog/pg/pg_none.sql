-- Kinds of objects DuckDB does not have: triggers, rules, inheritance and partitions, row
-- security policies, extended statistics, publications, foreign data wrappers, ranges, event
-- triggers, dependencies it does not record. These relations are empty because there are none;
-- their columns are PostgreSQL 15's so that clients' queries bind.

CREATE VIEW ${pg}.pg_inherits AS
SELECT 0 AS inhrelid, 0 AS inhparent, 0 AS inhseqno, false AS inhdetachpending WHERE false;

CREATE VIEW ${pg}.pg_trigger AS
SELECT 0 AS oid, 0 AS tgrelid, 0 AS tgparentid, '' AS tgname, 0 AS tgfoid, CAST(0 AS SMALLINT) AS tgtype,
       '' AS tgenabled, false AS tgisinternal, 0 AS tgconstrrelid, 0 AS tgconstrindid,
       0 AS tgconstraint, false AS tgdeferrable, false AS tginitdeferred, CAST(0 AS SMALLINT) AS tgnargs,
       CAST([] AS SMALLINT[]) AS tgattr, CAST(NULL AS BLOB) AS tgargs, CAST(NULL AS VARCHAR) AS tgqual,
       CAST(NULL AS VARCHAR) AS tgoldtable, CAST(NULL AS VARCHAR) AS tgnewtable WHERE false;

CREATE VIEW ${pg}.pg_rewrite AS
SELECT 0 AS oid, '' AS rulename, 0 AS ev_class, '' AS ev_type, '' AS ev_enabled, false AS is_instead,
       CAST(NULL AS VARCHAR) AS ev_qual, CAST(NULL AS VARCHAR) AS ev_action WHERE false;

CREATE VIEW ${pg}.pg_depend AS
SELECT 0 AS classid, 0 AS objid, 0 AS objsubid, 0 AS refclassid, 0 AS refobjid, 0 AS refobjsubid,
       '' AS deptype WHERE false;

CREATE VIEW ${pg}.pg_policy AS
SELECT 0 AS oid, '' AS polname, 0 AS polrelid, '' AS polcmd, false AS polpermissive,
       CAST([] AS INTEGER[]) AS polroles, CAST(NULL AS VARCHAR) AS polqual,
       CAST(NULL AS VARCHAR) AS polwithcheck WHERE false;

CREATE VIEW ${pg}.pg_statistic_ext AS
SELECT 0 AS oid, 0 AS stxrelid, '' AS stxname, 0 AS stxnamespace, 0 AS stxowner,
       -1 AS stxstattarget, CAST([] AS SMALLINT[]) AS stxkeys, CAST([] AS VARCHAR[]) AS stxkind,
       CAST(NULL AS VARCHAR) AS stxexprs WHERE false;

CREATE VIEW ${pg}.pg_publication AS
SELECT 0 AS oid, '' AS pubname, 0 AS pubowner, false AS puballtables, false AS pubinsert,
       false AS pubupdate, false AS pubdelete, false AS pubtruncate, false AS pubviaroot WHERE false;

CREATE VIEW ${pg}.pg_publication_namespace AS
SELECT 0 AS oid, 0 AS pnpubid, 0 AS pnnspid WHERE false;

CREATE VIEW ${pg}.pg_publication_rel AS
SELECT 0 AS oid, 0 AS prpubid, 0 AS prrelid, CAST(NULL AS VARCHAR) AS prqual,
       CAST(NULL AS SMALLINT[]) AS prattrs WHERE false;

CREATE VIEW ${pg}.pg_foreign_data_wrapper AS
SELECT 0 AS oid, '' AS fdwname, 0 AS fdwowner, 0 AS fdwhandler, 0 AS fdwvalidator,
       CAST(NULL AS VARCHAR[]) AS fdwacl, CAST(NULL AS VARCHAR[]) AS fdwoptions WHERE false;

CREATE VIEW ${pg}.pg_foreign_server AS
SELECT 0 AS oid, '' AS srvname, 0 AS srvowner, 0 AS srvfdw, CAST(NULL AS VARCHAR) AS srvtype,
       CAST(NULL AS VARCHAR) AS srvversion, CAST(NULL AS VARCHAR[]) AS srvacl,
       CAST(NULL AS VARCHAR[]) AS srvoptions WHERE false;

CREATE VIEW ${pg}.pg_foreign_table AS
SELECT 0 AS ftrelid, 0 AS ftserver, CAST(NULL AS VARCHAR[]) AS ftoptions WHERE false;

CREATE VIEW ${pg}.pg_range AS
SELECT 0 AS rngtypid, 0 AS rngsubtype, 0 AS rngmultitypid, 0 AS rngcollation, 0 AS rngsubopc,
       '-' AS rngcanonical, '-' AS rngsubdiff WHERE false;

CREATE VIEW ${pg}.pg_event_trigger AS
SELECT 0 AS oid, '' AS evtname, '' AS evtevent, 0 AS evtowner, 0 AS evtfoid, '' AS evtenabled,
       CAST([] AS VARCHAR[]) AS evttags WHERE false;

CREATE VIEW ${pg}.pg_matviews AS
SELECT '' AS schemaname, '' AS matviewname, '' AS matviewowner, CAST(NULL AS VARCHAR) AS tablespace,
       false AS hasindexes, false AS ispopulated, '' AS definition WHERE false;

-- DuckDB exposes no lock table; an empty pg_locks says no session waits on another.
CREATE VIEW ${pg}.pg_locks AS
SELECT '' AS locktype, 0 AS database, 0 AS relation, 0 AS page, CAST(0 AS SMALLINT) AS tuple,
       '' AS virtualxid, 0 AS transactionid, 0 AS classid, 0 AS objid, CAST(0 AS SMALLINT) AS objsubid,
       '' AS virtualtransaction, 0 AS pid, '' AS mode, false AS granted, false AS fastpath,
       CAST(NULL AS TIMESTAMPTZ) AS waitstart WHERE false;
