-- PostgreSQL's pg_catalog and information_schema over DuckDB's metadata. ${pg} is the pg_catalog
-- emulation schema, ${info} the information_schema one (see PgCatalog). Statements end with a
-- semicolon at the end of a line. Objects named mallard_* are helpers, not shown to clients.

-- A stable OID for a user object: derived from its kind, schema and name, above PostgreSQL's
-- range of built-in OIDs (16384) and below 2^31 so that it fits an int4.
CREATE MACRO ${pg}.mallard_oid(kind, schema_name, object_name) AS
  CAST(16384 + (md5_number_lower(kind || '/' || schema_name || '/' || object_name) % 2147000000) AS INTEGER);

-- DuckDB's schema as clients see it: main is public.
CREATE MACRO ${pg}.mallard_nspname(schema_name) AS
  CASE WHEN schema_name = 'main' THEN 'public' ELSE schema_name END;

CREATE MACRO ${pg}.mallard_nspoid(schema_name) AS
  CASE schema_name WHEN 'main' THEN 2200 WHEN 'pg_catalog' THEN 11
    WHEN 'information_schema' THEN 13000 ELSE ${pg}.mallard_oid('n', schema_name, '') END;

CREATE VIEW ${pg}.pg_namespace AS
SELECT ${pg}.mallard_nspoid(schema_name) AS oid, ${pg}.mallard_nspname(schema_name) AS nspname,
       10 AS nspowner, CAST(NULL AS VARCHAR) AS nspacl
FROM duckdb_schemas() WHERE database_name = current_database()
UNION ALL SELECT 11, 'pg_catalog', 10, NULL
UNION ALL SELECT 13000, 'information_schema', 10, NULL;

CREATE VIEW ${pg}.pg_class AS
SELECT ${pg}.mallard_oid('r', schema_name, table_name) AS oid, table_name AS relname,
       ${pg}.mallard_nspoid(schema_name) AS relnamespace, 'r' AS relkind
FROM duckdb_tables() WHERE database_name = current_database()
UNION ALL
SELECT ${pg}.mallard_oid('r', schema_name, view_name), view_name,
       ${pg}.mallard_nspoid(schema_name), 'v'
FROM duckdb_views() WHERE database_name = current_database() AND NOT internal;

CREATE VIEW ${pg}.pg_type AS
SELECT oid, typname, 11 AS typnamespace, 10 AS typowner, typlen, typlen > 0 AS typbyval,
       typtype, typcategory, false AS typispreferred, true AS typisdefined, ',' AS typdelim,
       0 AS typrelid, typelem, typarray, 0 AS typbasetype, -1 AS typtypmod, 0 AS typndims,
       0 AS typcollation, NULL AS typdefault, NULL AS typacl,
       typname || 'in' AS typinput, typname || 'out' AS typoutput,
       CASE WHEN typelem <> 0 AND typcategory = 'A' THEN 'array_subscript_handler' ELSE '-' END AS typsubscript,
       false AS typnotnull, 'i' AS typalign, 'p' AS typstorage, NULL AS typdefaultbin
FROM ${pg}.mallard_builtin_types;
