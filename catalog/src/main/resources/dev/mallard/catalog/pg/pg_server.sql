-- pg_catalog relations about the server rather than the tenant's tables: databases, roles,
-- settings, activity, functions, and the kinds of objects DuckDB does not have. The tables
-- mallard_databases and mallard_roles are filled by PgCatalog.refreshServerObjects.

CREATE TABLE ${pg}.mallard_started AS SELECT CAST(now() AS TIMESTAMPTZ) AS started;

CREATE VIEW ${pg}.pg_database AS
SELECT oid, datname, datdba, 6 AS encoding,
       'c' AS datlocprovider, false AS datistemplate, datallowconn, datconnlimit,
       0 AS datfrozenxid, 0 AS datminmxid, 1663 AS dattablespace, 'C' AS datcollate,
       'C' AS datctype, CAST(NULL AS VARCHAR) AS daticulocale, CAST(NULL AS VARCHAR) AS datcollversion,
       string_split(mallard_acl('DATABASE', datname, '', ''), ',') AS datacl
FROM ${pg}.mallard_databases;

CREATE VIEW ${pg}.pg_authid AS
SELECT oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,
       rolsuper AS rolreplication, rolsuper AS rolbypassrls, rolconnlimit,
       CAST(NULL AS VARCHAR) AS rolpassword, rolvaliduntil
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
SELECT ${pg}.mallard_oid('M', CAST(roleid AS VARCHAR), CAST(member AS VARCHAR)) AS oid, roleid,
       member, 10 AS grantor, admin_option, true AS inherit_option, true AS set_option
FROM ${pg}.mallard_auth_members;

-- PostgreSQL's settings with this session's values (current_setting, i.e. what SHOW reports);
-- settings the session does not track show PostgreSQL's fixed value (compile-time limits).
CREATE TABLE ${pg}.mallard_settings (name VARCHAR, fixed VARCHAR, unit VARCHAR, category VARCHAR,
  short_desc VARCHAR, context VARCHAR, vartype VARCHAR);
INSERT INTO ${pg}.mallard_settings VALUES
  ('application_name', '', NULL, 'Reporting and Logging / What to Log', 'Sets the application name to be reported in statistics and logs.', 'user', 'string'),
  ('block_size', '8192', NULL, 'Preset Options', 'Shows the size of a disk block.', 'internal', 'integer'),
  ('bytea_output', 'hex', NULL, 'Client Connection Defaults / Statement Behavior', 'Sets the output format for bytea.', 'user', 'enum'),
  ('client_encoding', 'UTF8', NULL, 'Client Connection Defaults / Locale and Formatting', 'Sets the client''s character set encoding.', 'user', 'string'),
  ('client_min_messages', 'notice', NULL, 'Client Connection Defaults / Statement Behavior', 'Sets the message levels that are sent to the client.', 'user', 'enum'),
  ('DateStyle', 'ISO, MDY', NULL, 'Client Connection Defaults / Locale and Formatting', 'Sets the display format for date and time values.', 'user', 'string'),
  ('default_transaction_isolation', 'read committed', NULL, 'Client Connection Defaults / Statement Behavior', 'Sets the transaction isolation level of each new transaction.', 'user', 'enum'),
  ('default_transaction_read_only', 'off', NULL, 'Client Connection Defaults / Statement Behavior', 'Sets the default read-only status of new transactions.', 'user', 'bool'),
  ('extra_float_digits', '1', NULL, 'Client Connection Defaults / Locale and Formatting', 'Sets the number of digits displayed for floating-point values.', 'user', 'integer'),
  ('idle_in_transaction_session_timeout', '0', 'ms', 'Client Connection Defaults / Statement Behavior', 'Sets the maximum allowed idle time between queries, when in a transaction.', 'user', 'integer'),
  ('idle_session_timeout', '0', 'ms', 'Client Connection Defaults / Statement Behavior', 'Sets the maximum allowed idle time between queries, when not in a transaction.', 'user', 'integer'),
  ('integer_datetimes', 'on', NULL, 'Preset Options', 'Shows whether datetimes are integer based.', 'internal', 'bool'),
  ('IntervalStyle', 'postgres', NULL, 'Client Connection Defaults / Locale and Formatting', 'Sets the display format for interval values.', 'user', 'enum'),
  ('is_superuser', 'off', NULL, 'Preset Options', 'Shows whether the current user is a superuser.', 'internal', 'bool'),
  ('lc_collate', 'C', NULL, 'Preset Options', 'Shows the collation order locale.', 'internal', 'string'),
  ('lc_ctype', 'C', NULL, 'Preset Options', 'Shows the character classification and case conversion locale.', 'internal', 'string'),
  ('lock_timeout', '0', 'ms', 'Client Connection Defaults / Statement Behavior', 'Sets the maximum allowed duration of any wait for a lock.', 'user', 'integer'),
  ('max_connections', '100', NULL, 'Connections and Authentication / Connection Settings', 'Sets the maximum number of concurrent connections.', 'postmaster', 'integer'),
  ('max_function_args', '100', NULL, 'Preset Options', 'Shows the maximum number of function arguments.', 'internal', 'integer'),
  ('max_identifier_length', '63', NULL, 'Preset Options', 'Shows the maximum identifier length.', 'internal', 'integer'),
  ('max_index_keys', '32', NULL, 'Preset Options', 'Shows the maximum number of index keys.', 'internal', 'integer'),
  ('search_path', '"$user", public', NULL, 'Client Connection Defaults / Statement Behavior', 'Sets the schema search order for names that are not schema-qualified.', 'user', 'string'),
  ('server_encoding', 'UTF8', NULL, 'Preset Options', 'Shows the server (database) character set encoding.', 'internal', 'string'),
  ('server_version', '', NULL, 'Preset Options', 'Shows the server version.', 'internal', 'string'),
  ('server_version_num', '', NULL, 'Preset Options', 'Shows the server version as an integer.', 'internal', 'integer'),
  ('ssl', 'off', NULL, 'Connections and Authentication / SSL', 'Enables SSL connections.', 'sighup', 'bool'),
  ('standard_conforming_strings', 'on', NULL, 'Version and Platform Compatibility / Previous PostgreSQL Versions', 'Causes ''...'' strings to treat backslashes literally.', 'user', 'bool'),
  ('statement_timeout', '0', 'ms', 'Client Connection Defaults / Statement Behavior', 'Sets the maximum allowed duration of any statement.', 'user', 'integer'),
  ('TimeZone', 'UTC', NULL, 'Client Connection Defaults / Locale and Formatting', 'Sets the time zone for displaying and interpreting time stamps.', 'user', 'string'),
  ('transaction_isolation', 'read committed', NULL, 'Client Connection Defaults / Statement Behavior', 'Sets the current transaction''s isolation level.', 'user', 'enum'),
  ('transaction_read_only', 'off', NULL, 'Client Connection Defaults / Statement Behavior', 'Sets the current transaction''s read-only status.', 'user', 'bool'),
  ('work_mem', '4MB', 'kB', 'Resource Usage / Memory', 'Sets the maximum memory to be used for query workspaces.', 'user', 'integer');

CREATE VIEW ${pg}.pg_settings AS
SELECT name, coalesce(current_setting(name, true), fixed) AS setting, unit, category, short_desc,
       CAST(NULL AS VARCHAR) AS extra_desc, context, vartype,
       CASE WHEN context = 'internal' THEN 'override' ELSE 'default' END AS source,
       CAST(NULL AS VARCHAR) AS min_val, CAST(NULL AS VARCHAR) AS max_val,
       CAST(NULL AS VARCHAR[]) AS enumvals, fixed AS boot_val, fixed AS reset_val,
       CAST(NULL AS VARCHAR) AS sourcefile, CAST(NULL AS INTEGER) AS sourceline,
       false AS pending_restart
FROM ${pg}.mallard_settings;

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
SELECT ${pg}.mallard_oid('p', schema_name, function_type || ':' || function_name || '(' || coalesce(array_to_string(parameter_types, ','), array_to_string(parameters, ','), '') || ')' || coalesce(return_type, '')) AS oid,
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
       -- A macro's types are those of its arguments at each call: anyelement, as in PostgreSQL's
       -- polymorphic functions; a table function returns rows (record).
       CASE WHEN function_type = 'macro' THEN 2283 WHEN return_type IS NULL THEN 2249
         ELSE mallard_pg_type_oid(return_type) END AS prorettype,
       list_transform(range(len(coalesce(parameters, []))), i -> CASE
         WHEN parameter_types IS NULL OR parameter_types[i + 1] IS NULL THEN 2283
         ELSE mallard_pg_type_oid(parameter_types[i + 1]) END) AS proargtypes,
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
