-- pg_catalog relations about the server rather than the tenant's tables: databases, roles,
-- settings, activity, functions, and the kinds of objects DuckDB does not have. The tables
-- mallard_databases and mallard_roles are filled by PgCatalog.refreshServerObjects.

CREATE TABLE ${pg}.mallard_started AS SELECT CAST(now() AS TIMESTAMPTZ) AS started;

CREATE VIEW ${pg}.pg_database AS
SELECT ${pg}.mallard_oid('D', '', datname) AS oid, datname, 10 AS datdba, 6 AS encoding,
       'c' AS datlocprovider, false AS datistemplate, true AS datallowconn, -1 AS datconnlimit,
       0 AS datfrozenxid, 0 AS datminmxid, 1663 AS dattablespace, 'C' AS datcollate,
       'C' AS datctype, CAST(NULL AS VARCHAR) AS daticulocale, CAST(NULL AS VARCHAR) AS datcollversion,
       CAST(NULL AS VARCHAR[]) AS datacl
FROM ${pg}.mallard_databases;

CREATE VIEW ${pg}.pg_authid AS
SELECT oid, rolname, rolsuper, true AS rolinherit, rolsuper AS rolcreaterole,
       rolsuper AS rolcreatedb, rolcanlogin, rolsuper AS rolreplication, rolsuper AS rolbypassrls,
       -1 AS rolconnlimit, CAST(NULL AS VARCHAR) AS rolpassword,
       CAST(NULL AS TIMESTAMPTZ) AS rolvaliduntil
FROM ${pg}.mallard_roles;

CREATE VIEW ${pg}.pg_roles AS
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
       rolconnlimit, '********' AS rolpassword, rolvaliduntil, rolbypassrls,
       CAST(NULL AS VARCHAR[]) AS rolconfig, oid
FROM ${pg}.pg_authid;

CREATE VIEW ${pg}.pg_user AS
SELECT rolname AS usename, oid AS usesysid, rolcreatedb AS usecreatedb, rolsuper AS usesuper,
       rolreplication AS userepl, rolbypassrls AS usebypassrls, '********' AS passwd,
       rolvaliduntil AS valuntil, CAST(NULL AS VARCHAR[]) AS useconfig
FROM ${pg}.pg_authid WHERE rolcanlogin;

-- Roles are not members of one another yet.
CREATE VIEW ${pg}.pg_auth_members AS
SELECT 0 AS oid, 0 AS roleid, 0 AS member, 0 AS grantor, false AS admin_option WHERE false;

-- DuckDB's own settings of the tenant instance (the session's PostgreSQL settings are what SHOW
-- and current_setting() read).
CREATE VIEW ${pg}.pg_settings AS
SELECT name, value AS setting, CAST(NULL AS VARCHAR) AS unit, 'DuckDB' AS category,
       description AS short_desc, CAST(NULL AS VARCHAR) AS extra_desc,
       CASE scope WHEN 'GLOBAL' THEN 'sighup' ELSE 'user' END AS context,
       CASE WHEN input_type = 'BOOLEAN' THEN 'bool' WHEN input_type IN ('BIGINT', 'UBIGINT', 'INTEGER') THEN 'integer'
         WHEN input_type IN ('DOUBLE', 'FLOAT') THEN 'real' ELSE 'string' END AS vartype,
       'default' AS source, CAST(NULL AS VARCHAR) AS min_val, CAST(NULL AS VARCHAR) AS max_val,
       CAST(NULL AS VARCHAR[]) AS enumvals, CAST(NULL AS VARCHAR) AS boot_val,
       CAST(NULL AS VARCHAR) AS reset_val, CAST(NULL AS VARCHAR) AS sourcefile,
       CAST(NULL AS INTEGER) AS sourceline, false AS pending_restart
FROM duckdb_settings();

CREATE VIEW ${pg}.pg_tablespace AS
SELECT * FROM (VALUES (1663, 'pg_default', 10, CAST(NULL AS VARCHAR[]), CAST(NULL AS VARCHAR[])),
  (1664, 'pg_global', 10, NULL, NULL)) t(oid, spcname, spcowner, spcacl, spcoptions);

CREATE VIEW ${pg}.pg_collation AS
SELECT * FROM (VALUES (100, 'default', 11, 10, 'd', true, -1, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR)),
  (950, 'C', 11, 10, 'c', true, -1, 'C', 'C', NULL, NULL))
  t(oid, collname, collnamespace, collowner, collprovider, collisdeterministic, collencoding,
    collcollate, collctype, colliculocale, collversion);

-- DuckDB's loaded extensions.
CREATE VIEW ${pg}.pg_extension AS
SELECT ${pg}.mallard_oid('x', '', extension_name) AS oid, extension_name AS extname, 10 AS extowner,
       11 AS extnamespace, false AS extrelocatable, coalesce(extension_version, '') AS extversion,
       CAST(NULL AS INTEGER[]) AS extconfig, CAST(NULL AS VARCHAR[]) AS extcondition
FROM duckdb_extensions() WHERE loaded;

CREATE VIEW ${pg}.pg_language AS
SELECT * FROM (VALUES (12, 'internal', 10, false, false, 0, 0, 0, CAST(NULL AS VARCHAR[])),
  (14, 'sql', 10, false, true, 0, 0, 0, NULL))
  t(oid, lanname, lanowner, lanispl, lanpltrusted, lanplcallfoid, laninline, lanvalidator, lanacl);

-- Functions: DuckDB's built-ins (in pg_catalog) and the tenant's macros (in their schemas).
CREATE VIEW ${pg}.pg_proc AS
SELECT ${pg}.mallard_oid('p', schema_name, function_name || '(' || array_to_string(parameter_types, ',') || ')') AS oid,
       function_name AS proname, CASE WHEN database_name = 'system' THEN 11 ELSE ${pg}.mallard_nspoid(schema_name) END AS pronamespace,
       10 AS proowner, CASE WHEN function_type LIKE '%macro' THEN 14 ELSE 12 END AS prolang,
       1 AS procost, CASE WHEN function_type LIKE 'table%' THEN 1000 ELSE 0 END AS prorows,
       CASE WHEN varargs IS NOT NULL THEN mallard_pg_type_oid(varargs) ELSE 0 END AS provariadic,
       '-' AS prosupport,
       CASE function_type WHEN 'aggregate' THEN 'a' ELSE 'f' END AS prokind,
       false AS prosecdef, false AS proleakproof, false AS proisstrict,
       function_type LIKE 'table%' AS proretset,
       CASE WHEN has_side_effects THEN 'v' ELSE 'i' END AS provolatile, 's' AS proparallel,
       CAST(len(parameters) AS SMALLINT) AS pronargs, CAST(0 AS SMALLINT) AS pronargdefaults,
       CASE WHEN return_type IS NULL THEN 2249 ELSE mallard_pg_type_oid(return_type) END AS prorettype,
       list_transform(coalesce(parameter_types, []), t -> mallard_pg_type_oid(coalesce(t, 'ANY'))) AS proargtypes,
       CAST(NULL AS INTEGER[]) AS proallargtypes, CAST(NULL AS VARCHAR[]) AS proargmodes,
       parameters AS proargnames, CAST(NULL AS VARCHAR) AS proargdefaults,
       CAST(NULL AS INTEGER[]) AS protrftypes, coalesce(macro_definition, function_name) AS prosrc,
       CAST(NULL AS VARCHAR) AS probin, CAST(NULL AS VARCHAR) AS prosqlbody,
       CAST(NULL AS VARCHAR[]) AS proconfig, CAST(NULL AS VARCHAR[]) AS proacl
FROM duckdb_functions()
WHERE (database_name = 'system' OR ${pg}.mallard_here(database_name))
  AND function_type IN ('scalar', 'aggregate', 'macro', 'table', 'table_macro')
  AND function_name NOT LIKE 'mallard%';

-- Only this session's own activity is known to the tenant's catalog.
CREATE VIEW ${pg}.pg_stat_activity AS
SELECT (SELECT oid FROM ${pg}.pg_database WHERE datname = current_database()) AS datid,
       current_database() AS datname, pg_backend_pid() AS pid, CAST(NULL AS INTEGER) AS leader_pid,
       (SELECT oid FROM ${pg}.mallard_roles WHERE rolname = current_user) AS usesysid,
       current_user AS usename, current_setting('application_name') AS application_name,
       CAST(NULL AS VARCHAR) AS client_addr, CAST(NULL AS VARCHAR) AS client_hostname,
       CAST(NULL AS INTEGER) AS client_port, CAST(NULL AS TIMESTAMPTZ) AS backend_start,
       CAST(NULL AS TIMESTAMPTZ) AS xact_start, CAST(now() AS TIMESTAMPTZ) AS query_start,
       CAST(NULL AS TIMESTAMPTZ) AS state_change, CAST(NULL AS VARCHAR) AS wait_event_type,
       CAST(NULL AS VARCHAR) AS wait_event, 'active' AS state, CAST(NULL AS INTEGER) AS backend_xid,
       CAST(NULL AS INTEGER) AS backend_xmin, CAST(NULL AS BIGINT) AS query_id,
       CAST(NULL AS VARCHAR) AS query, 'client backend' AS backend_type;
