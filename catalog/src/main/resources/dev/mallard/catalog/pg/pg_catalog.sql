-- PostgreSQL's pg_catalog over DuckDB's metadata: helpers and the relations that describe
-- relations (namespaces, classes, attributes, types, defaults, indexes, constraints, comments).
-- ${pg} is the pg_catalog emulation schema, ${info} the information_schema one (see PgCatalog).
-- Statements end with a semicolon at the end of a line. Objects named mallard_* are helpers, not
-- shown to clients. Views are bound when created, so helpers come before their users.

-- A stable OID for a user object: derived from its kind, schema and name, above PostgreSQL's
-- range of built-in OIDs (16384) and below 2^31 so that it fits an int4.
CREATE MACRO ${pg}.mallard_oid(kind, schema_name, object_name) AS
  CAST(16384 + (md5_number_lower(kind || '/' || schema_name || '/' || object_name) % 2147000000) AS INTEGER);

-- DuckDB's schema as clients see it: main is public.
CREATE MACRO ${pg}.mallard_nspname(schema_name) AS
  CASE WHEN schema_name = 'main' THEN 'public' ELSE schema_name END;

CREATE MACRO ${pg}.mallard_nspoid(schema_name) AS
  CASE schema_name WHEN 'main' THEN 2200 WHEN 'public' THEN 2200 WHEN 'pg_catalog' THEN 11
    WHEN 'information_schema' THEN 13000 ELSE ${pg}.mallard_oid('n', schema_name, '') END;

-- An identifier as PostgreSQL prints it in definitions: quoted unless plain lower case.
CREATE MACRO ${pg}.mallard_ident(a_name) AS
  CASE WHEN regexp_full_match(a_name, '[a-z_][a-z0-9_$]*') THEN a_name
    ELSE '"' || replace(a_name, '"', '""') || '"' END;

-- The databases whose objects clients see: the tenant's own (pg_catalog lists one database).
CREATE MACRO ${pg}.mallard_here(database_name) AS database_name = current_database();

-- The session's temporary relations live in DuckDB's temp catalog, which each connection has
-- for itself (so, as in PostgreSQL, no other session sees them); clients see them in the schema
-- pg_temp_N, N the session's process id. The per-connection tables of holdable cursors
-- (mallard_cursor_N) are not the client's.
CREATE MACRO ${pg}.mallard_temp_nspname() AS 'pg_temp_' || pg_backend_pid();
CREATE MACRO ${pg}.mallard_visible(database_name) AS
  database_name = current_database() OR database_name = 'temp';
CREATE MACRO ${pg}.mallard_schema(database_name, schema_name) AS
  CASE WHEN database_name = 'temp' THEN ${pg}.mallard_temp_nspname() ELSE schema_name END;
CREATE MACRO ${pg}.mallard_is_temp_nspname(a_nspname) AS starts_with(a_nspname, 'pg_temp_');

-- DuckDB's metadata of the relations clients see: the tenant's and the session's temporary ones
-- (schema named as above).
CREATE VIEW ${pg}.mallard_duck_tables AS
SELECT * REPLACE (${pg}.mallard_schema(database_name, schema_name) AS schema_name) FROM duckdb_tables()
WHERE ${pg}.mallard_visible(database_name)
  AND NOT (database_name = 'temp' AND table_name LIKE 'mallard\_cursor\_%' ESCAPE '\');

CREATE VIEW ${pg}.mallard_duck_columns AS
SELECT * REPLACE (${pg}.mallard_schema(database_name, schema_name) AS schema_name) FROM duckdb_columns()
WHERE ${pg}.mallard_visible(database_name)
  AND NOT (database_name = 'temp' AND table_name LIKE 'mallard\_cursor\_%' ESCAPE '\');

CREATE VIEW ${pg}.mallard_duck_views AS
SELECT * REPLACE (${pg}.mallard_schema(database_name, schema_name) AS schema_name) FROM duckdb_views()
WHERE ${pg}.mallard_visible(database_name) AND NOT internal;

CREATE VIEW ${pg}.mallard_duck_indexes AS
SELECT * REPLACE (${pg}.mallard_schema(database_name, schema_name) AS schema_name) FROM duckdb_indexes()
WHERE ${pg}.mallard_visible(database_name);

CREATE VIEW ${pg}.mallard_duck_sequences AS
SELECT * REPLACE (${pg}.mallard_schema(database_name, schema_name) AS schema_name) FROM duckdb_sequences()
WHERE ${pg}.mallard_visible(database_name);

CREATE VIEW ${pg}.mallard_duck_constraints AS
SELECT * REPLACE (${pg}.mallard_schema(database_name, schema_name) AS schema_name) FROM duckdb_constraints()
WHERE ${pg}.mallard_visible(database_name);

-- Whether the session has temporary relations (PostgreSQL creates pg_temp_N with the first).
CREATE MACRO ${pg}.mallard_has_temp() AS EXISTS (
  SELECT 1 FROM ${pg}.mallard_duck_tables WHERE database_name = 'temp'
  UNION ALL SELECT 1 FROM ${pg}.mallard_duck_views WHERE database_name = 'temp'
  UNION ALL SELECT 1 FROM ${pg}.mallard_duck_sequences WHERE database_name = 'temp');

-- What the server knows beyond this tenant, filled by PgCatalog.refreshServerObjects.
CREATE TABLE ${pg}.mallard_databases (oid INTEGER, datname VARCHAR, datdba INTEGER,
  datallowconn BOOLEAN, datconnlimit INTEGER, is_current BOOLEAN);
CREATE TABLE ${pg}.mallard_roles (oid INTEGER, rolname VARCHAR, rolsuper BOOLEAN,
  rolinherit BOOLEAN, rolcreaterole BOOLEAN, rolcreatedb BOOLEAN, rolcanlogin BOOLEAN,
  rolreplication BOOLEAN, rolbypassrls BOOLEAN, rolconnlimit INTEGER, rolvaliduntil TIMESTAMPTZ,
  rolhaspassword BOOLEAN);
CREATE TABLE ${pg}.mallard_auth_members (roleid INTEGER, member INTEGER, admin_option BOOLEAN);

-- The catalog relations PostgreSQL clients know by OID (e.g. pg_description.classoid).
CREATE TABLE ${pg}.mallard_wellknown_oids (relname VARCHAR, oid INTEGER);
INSERT INTO ${pg}.mallard_wellknown_oids VALUES ('pg_type', 1247), ('pg_attribute', 1249),
  ('pg_proc', 1255), ('pg_class', 1259), ('pg_authid', 1260), ('pg_database', 1262),
  ('pg_am', 2601), ('pg_attrdef', 2604), ('pg_constraint', 2606), ('pg_description', 2609),
  ('pg_index', 2610), ('pg_namespace', 2615), ('pg_trigger', 2620), ('pg_rewrite', 2618),
  ('pg_depend', 2608), ('pg_inherits', 2611), ('pg_tablespace', 1213), ('pg_enum', 3501),
  ('pg_collation', 3456), ('pg_extension', 3079), ('pg_sequence', 2224),
  ('pg_shdescription', 2396), ('pg_opclass', 2616), ('pg_opfamily', 2753), ('pg_roles', 12001),
  ('pg_settings', 12002);

-- Every relation: user tables, views, indexes (DuckDB's own and those backing PRIMARY KEY and
-- UNIQUE constraints, named as PostgreSQL names them), sequences, and the emulation's own views.
CREATE VIEW ${pg}.mallard_relations AS
SELECT ${pg}.mallard_oid('r', schema_name, table_name) AS oid, schema_name, table_name AS relname,
       'r' AS relkind, column_count AS relnatts, estimated_size AS reltuples,
       index_count > 0 AS relhasindex, check_constraint_count AS relchecks, comment, table_name AS tablename
FROM ${pg}.mallard_duck_tables
UNION ALL
SELECT ${pg}.mallard_oid('r', schema_name, view_name), schema_name, view_name, 'v', column_count,
       0, false, 0, comment, view_name
FROM ${pg}.mallard_duck_views
UNION ALL
SELECT ${pg}.mallard_oid('i', schema_name, index_name), schema_name, index_name, 'i',
       len(string_split(trim(expressions, '[]'), ', ')), 0, false, 0, comment, table_name
FROM ${pg}.mallard_duck_indexes
UNION ALL
SELECT ${pg}.mallard_oid('S', schema_name, sequence_name), schema_name, sequence_name, 'S', 3, 1,
       false, 0, comment, NULL
FROM ${pg}.mallard_duck_sequences
UNION ALL
SELECT coalesce(w.oid, ${pg}.mallard_oid('r', CASE v.schema_name WHEN 'pg' THEN 'pg_catalog'
         ELSE 'information_schema' END, v.view_name)),
       CASE v.schema_name WHEN 'pg' THEN 'pg_catalog' ELSE 'information_schema' END, v.view_name,
       'v', v.column_count, 0, false, 0, NULL, v.view_name
FROM duckdb_views() v LEFT JOIN ${pg}.mallard_wellknown_oids w
  ON w.relname = v.view_name AND v.schema_name = 'pg'
WHERE v.database_name = '${db}' AND v.view_name NOT LIKE 'mallard%';

-- PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK constraints with PostgreSQL's default names
-- (DuckDB has no named constraints: t_pkey, t_a_b_key, t_a_fkey, t_a_check).
CREATE VIEW ${pg}.mallard_constraints AS
SELECT schema_name, table_name, constraint_index,
       CASE constraint_type WHEN 'PRIMARY KEY' THEN 'p' WHEN 'UNIQUE' THEN 'u'
         WHEN 'FOREIGN KEY' THEN 'f' ELSE 'c' END AS contype,
       table_name || CASE constraint_type WHEN 'PRIMARY KEY' THEN '_pkey'
         ELSE '_' || array_to_string(constraint_column_names, '_') ||
           CASE constraint_type WHEN 'UNIQUE' THEN '_key' WHEN 'FOREIGN KEY' THEN '_fkey'
             ELSE '_check' END END AS conname,
       list_transform(constraint_column_indexes, i -> CAST(i + 1 AS SMALLINT)) AS conkey,
       constraint_column_names, referenced_table, referenced_column_names, constraint_text, expression
FROM ${pg}.mallard_duck_constraints
WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY', 'CHECK');

CREATE VIEW ${pg}.pg_namespace AS
SELECT ${pg}.mallard_nspoid(schema_name) AS oid, ${pg}.mallard_nspname(schema_name) AS nspname,
       coalesce(CAST(mallard_owner('SCHEMA', database_name, schema_name, '') AS INTEGER), 10) AS nspowner,
       string_split(mallard_acl('SCHEMA', database_name, schema_name, ''), ',') AS nspacl
FROM duckdb_schemas() WHERE ${pg}.mallard_here(database_name)
UNION ALL SELECT 11, 'pg_catalog', 10, NULL
UNION ALL SELECT 13000, 'information_schema', 10, NULL
UNION ALL SELECT ${pg}.mallard_nspoid(${pg}.mallard_temp_nspname()), ${pg}.mallard_temp_nspname(), 10, NULL
WHERE ${pg}.mallard_has_temp();

CREATE VIEW ${pg}.pg_am AS
SELECT * FROM (VALUES (2, 'heap', 'heap_tableam_handler', 't'), (403, 'btree', 'bthandler', 'i'),
  (16383, 'art', 'art_handler', 'i')) t(oid, amname, amhandler, amtype);

CREATE VIEW ${pg}.pg_type AS
SELECT oid, typname, 11 AS typnamespace, 10 AS typowner, CAST(typlen AS SMALLINT) AS typlen,
       typlen > 0 AS typbyval, typtype, typcategory, typname IN ('bool', 'text', 'float8', 'timestamptz', 'oid') AS typispreferred,
       true AS typisdefined, ',' AS typdelim, 0 AS typrelid, typelem, typarray,
       CASE WHEN typelem <> 0 AND typcategory = 'A' THEN 'array_in' ELSE typname || 'in' END AS typinput,
       CASE WHEN typelem <> 0 AND typcategory = 'A' THEN 'array_out' ELSE typname || 'out' END AS typoutput,
       typname || 'recv' AS typreceive, typname || 'send' AS typsend,
       '-' AS typmodin, '-' AS typmodout, '-' AS typanalyze,
       CASE WHEN typlen = 8 THEN 'd' WHEN typlen = 2 THEN 's' WHEN typlen = 1 THEN 'c' ELSE 'i' END AS typalign,
       CASE WHEN typlen > 0 THEN 'p' ELSE 'x' END AS typstorage,
       false AS typnotnull, 0 AS typbasetype, -1 AS typtypmod, 0 AS typndims,
       CASE WHEN typname IN ('text', 'varchar', 'bpchar', 'name') THEN 100 ELSE 0 END AS typcollation,
       CAST(NULL AS VARCHAR) AS typdefaultbin, CAST(NULL AS VARCHAR) AS typdefault,
       CAST(NULL AS VARCHAR[]) AS typacl,
       CASE WHEN typelem <> 0 AND typcategory = 'A' THEN 'array_subscript_handler' ELSE '-' END AS typsubscript
FROM ${pg}.mallard_builtin_types
UNION ALL
SELECT ${pg}.mallard_oid('t', schema_name, type_name), type_name,
       ${pg}.mallard_nspoid(schema_name), 10, CAST(4 AS SMALLINT), true, 'e', 'E', false, true, ',', 0, 0, 0,
       'enum_in', 'enum_out', 'enum_recv', 'enum_send', '-', '-', '-', 'i', 'p', false, 0, -1, 0, 0,
       NULL, NULL, NULL, '-'
FROM duckdb_types() WHERE ${pg}.mallard_here(database_name) AND logical_type = 'ENUM' AND NOT internal;

CREATE VIEW ${pg}.pg_enum AS
SELECT ${pg}.mallard_oid('e', schema_name, type_name || '.' || label) AS oid,
       ${pg}.mallard_oid('t', schema_name, type_name) AS enumtypid,
       CAST(n AS REAL) AS enumsortorder, label AS enumlabel
FROM (SELECT schema_name, type_name, unnest(labels) AS label, generate_subscripts(labels, 1) AS n
      FROM duckdb_types() WHERE ${pg}.mallard_here(database_name) AND logical_type = 'ENUM' AND NOT internal);

-- Columns of tables and views (and of the emulation's views), typed as RowDescription types them.
CREATE VIEW ${pg}.mallard_columns AS
SELECT CASE WHEN c.database_name = '${db}' THEN coalesce(w.oid, ${pg}.mallard_oid('r',
         CASE c.schema_name WHEN 'pg' THEN 'pg_catalog' ELSE 'information_schema' END, c.table_name))
       ELSE ${pg}.mallard_oid('r', c.schema_name, c.table_name) END AS attrelid,
       c.schema_name, c.table_name, c.column_name, c.column_index, c.data_type,
       mallard_pg_type_oid(c.data_type) AS atttypid, mallard_pg_typmod(c.data_type) AS atttypmod,
       c.is_nullable, c.column_default, c.comment
FROM (SELECT * FROM ${pg}.mallard_duck_columns
      UNION ALL
      SELECT * FROM duckdb_columns() WHERE database_name = '${db}' AND table_name NOT LIKE 'mallard%') c
LEFT JOIN ${pg}.mallard_wellknown_oids w
  ON w.relname = c.table_name AND c.schema_name = 'pg' AND c.database_name = '${db}';

CREATE VIEW ${pg}.mallard_table_attributes AS
SELECT c.attrelid, c.column_name AS attname, c.atttypid, -1 AS attstattarget,
       coalesce(t.typlen, -1) AS attlen, CAST(c.column_index AS SMALLINT) AS attnum,
       CASE WHEN t.typcategory = 'A' THEN 1 ELSE 0 END AS attndims, -1 AS attcacheoff,
       c.atttypmod, coalesce(t.typbyval, false) AS attbyval, coalesce(t.typalign, 'i') AS attalign,
       coalesce(t.typstorage, 'x') AS attstorage, '' AS attcompression,
       NOT c.is_nullable AS attnotnull, c.column_default IS NOT NULL AS atthasdef,
       false AS atthasmissing, '' AS attidentity, '' AS attgenerated, false AS attisdropped,
       true AS attislocal, 0 AS attinhcount, coalesce(t.typcollation, 0) AS attcollation,
       CAST(NULL AS VARCHAR[]) AS attacl, CAST(NULL AS VARCHAR[]) AS attoptions,
       CAST(NULL AS VARCHAR[]) AS attfdwoptions, CAST(NULL AS VARCHAR) AS attmissingval
FROM ${pg}.mallard_columns c LEFT JOIN ${pg}.pg_type t ON t.oid = c.atttypid;

CREATE VIEW ${pg}.pg_attrdef AS
SELECT ${pg}.mallard_oid('d', schema_name, table_name || '.' || column_name) AS oid,
       attrelid AS adrelid, CAST(column_index AS SMALLINT) AS adnum, column_default AS adbin
FROM ${pg}.mallard_columns WHERE column_default IS NOT NULL;

-- Key columns of DuckDB's own indexes: attnums of plain column expressions, 0 for expressions
-- (as in PostgreSQL's indkey).
CREATE VIEW ${pg}.mallard_index_keys AS
SELECT i.schema_name, i.index_name, i.table_name, i.is_unique, i.is_primary, i.sql,
       list(coalesce(CAST(c.column_index AS SMALLINT), CAST(0 AS SMALLINT)) ORDER BY k.n) AS indkey,
       list(k.expr ORDER BY k.n) AS exprs
FROM (SELECT database_name, schema_name, index_name, table_name, is_unique, is_primary, sql,
             unnest(string_split(trim(expressions, '[]'), ', ')) AS expr,
             generate_subscripts(string_split(trim(expressions, '[]'), ', '), 1) AS n
      FROM ${pg}.mallard_duck_indexes) k
JOIN ${pg}.mallard_duck_indexes i ON i.database_name = k.database_name AND i.schema_name = k.schema_name
  AND i.index_name = k.index_name
LEFT JOIN ${pg}.mallard_duck_columns c ON c.database_name = k.database_name AND c.schema_name = k.schema_name
  AND c.table_name = k.table_name AND (c.column_name = k.expr OR '"' || c.column_name || '"' = k.expr)
GROUP BY ALL;

CREATE VIEW ${pg}.mallard_indexes AS
SELECT ${pg}.mallard_oid('i', schema_name, conname) AS indexrelid,
       ${pg}.mallard_oid('r', schema_name, table_name) AS indrelid, schema_name, conname AS indexname,
       table_name, conkey AS indkey, contype = 'u' OR contype = 'p' AS indisunique,
       contype = 'p' AS indisprimary, 'btree' AS amname,
       list_transform(constraint_column_names, n -> ${pg}.mallard_ident(n)) AS exprs,
       true AS constraint_backed
FROM ${pg}.mallard_constraints WHERE contype IN ('p', 'u')
UNION ALL
SELECT ${pg}.mallard_oid('i', schema_name, index_name), ${pg}.mallard_oid('r', schema_name, table_name),
       schema_name, index_name, table_name, indkey, is_unique, is_primary, 'art', exprs, false
FROM ${pg}.mallard_index_keys;

-- pg_attribute: the columns of tables and views, and, as in PostgreSQL, one row per key column of
-- each index (attrelid the index's OID, attnum its position in indkey), which psqlODBC's
-- SQLPrimaryKeys and SQLAlchemy's get_indexes join. Expression keys (indkey 0) have no row yet.
CREATE VIEW ${pg}.pg_attribute AS
SELECT * FROM ${pg}.mallard_table_attributes
UNION ALL
SELECT a.* REPLACE (k.indexrelid AS attrelid, CAST(k.n AS SMALLINT) AS attnum,
                    false AS attnotnull, false AS atthasdef)
FROM (SELECT indexrelid, indrelid, unnest(indkey) AS key, generate_subscripts(indkey, 1) AS n
      FROM ${pg}.mallard_indexes) k
JOIN ${pg}.mallard_table_attributes a ON a.attrelid = k.indrelid AND a.attnum = k.key;

-- btree's default operator classes for the types Mallard sends, with PostgreSQL 15's OIDs (DuckDB's
-- ART indexes order keys as btree does; index keys of other types have no class: 0).
CREATE TABLE ${pg}.mallard_opclasses (oid INTEGER, opcname VARCHAR, opcfamily INTEGER,
  opfname VARCHAR, opcintype INTEGER);
INSERT INTO ${pg}.mallard_opclasses VALUES (10000, 'array_ops', 397, 'array_ops', 2277),
  (10002, 'bit_ops', 423, 'bit_ops', 1560), (10003, 'bool_ops', 424, 'bool_ops', 16),
  (10004, 'bpchar_ops', 426, 'bpchar_ops', 1042), (10006, 'bytea_ops', 428, 'bytea_ops', 17),
  (10007, 'char_ops', 429, 'char_ops', 18), (10012, 'float4_ops', 1970, 'float_ops', 700),
  (10022, 'interval_ops', 1982, 'interval_ops', 1186), (10028, 'name_ops', 1994, 'text_ops', 19),
  (10038, 'time_ops', 1996, 'time_ops', 1083), (10041, 'timetz_ops', 2000, 'timetz_ops', 1266),
  (10043, 'varbit_ops', 2002, 'varbit_ops', 1562), (10065, 'uuid_ops', 2968, 'uuid_ops', 2950),
  (10088, 'jsonb_ops', 4033, 'jsonb_ops', 3802), (1978, 'int4_ops', 1976, 'integer_ops', 23),
  (1979, 'int2_ops', 1976, 'integer_ops', 21), (1981, 'oid_ops', 1989, 'oid_ops', 26),
  (3122, 'date_ops', 434, 'datetime_ops', 1082), (3123, 'float8_ops', 1970, 'float_ops', 701),
  (3124, 'int8_ops', 1976, 'integer_ops', 20), (3125, 'numeric_ops', 1988, 'numeric_ops', 1700),
  (3126, 'text_ops', 1994, 'text_ops', 25), (3127, 'timestamptz_ops', 434, 'datetime_ops', 1184),
  (3128, 'timestamp_ops', 434, 'datetime_ops', 1114);

CREATE VIEW ${pg}.pg_opclass AS
SELECT oid, 403 AS opcmethod, opcname, 11 AS opcnamespace, 10 AS opcowner, opcfamily, opcintype,
       true AS opcdefault, 0 AS opckeytype
FROM ${pg}.mallard_opclasses;

CREATE VIEW ${pg}.pg_opfamily AS
SELECT DISTINCT opcfamily AS oid, 403 AS opfmethod, opfname, 11 AS opfnamespace, 10 AS opfowner
FROM ${pg}.mallard_opclasses;

-- Each index key's operator class: the default one of its column's type (arrays: array_ops).
CREATE VIEW ${pg}.mallard_index_classes AS
SELECT k.indexrelid, list(coalesce(o.oid, 0) ORDER BY k.n) AS indclass
FROM (SELECT indexrelid, indrelid, unnest(indkey) AS key, generate_subscripts(indkey, 1) AS n
      FROM ${pg}.mallard_indexes) k
LEFT JOIN ${pg}.mallard_table_attributes a ON a.attrelid = k.indrelid AND a.attnum = k.key
LEFT JOIN ${pg}.pg_type t ON t.oid = a.atttypid
LEFT JOIN ${pg}.mallard_opclasses o
  ON o.opcintype = CASE WHEN t.typcategory = 'A' THEN 2277 ELSE a.atttypid END
GROUP BY k.indexrelid;

-- indkey and indoption are int2vectors, sent as such (text "1 2") because they are USMALLINT[];
-- indoption has one entry (0: ascending, nulls last) per key, as in PostgreSQL.
CREATE VIEW ${pg}.pg_index AS
SELECT indexrelid, indrelid, CAST(len(indkey) AS SMALLINT) AS indnatts,
       CAST(len(indkey) AS SMALLINT) AS indnkeyatts, indisunique, false AS indnullsnotdistinct,
       indisprimary, false AS indisexclusion, true AS indimmediate, false AS indisclustered,
       true AS indisvalid, false AS indcheckxmin, true AS indisready, true AS indislive,
       false AS indisreplident, CAST(indkey AS USMALLINT[]) AS indkey, CAST([] AS INTEGER[]) AS indcollation,
       coalesce(c.indclass, []) AS indclass, CAST(list_transform(indkey, k -> 0) AS USMALLINT[]) AS indoption,
       CASE WHEN list_contains(indkey, 0) THEN array_to_string(exprs, ', ') END AS indexprs,
       CAST(NULL AS VARCHAR) AS indpred
FROM ${pg}.mallard_indexes i LEFT JOIN ${pg}.mallard_index_classes c USING (indexrelid);

CREATE VIEW ${pg}.pg_class AS
SELECT r.oid, r.relname, ${pg}.mallard_nspoid(r.schema_name) AS relnamespace, 0 AS reltype,
       0 AS reloftype,
       coalesce(CAST(mallard_owner('TABLE', current_database(), r.schema_name, r.relname) AS INTEGER), 10)
         AS relowner, r.relam, r.oid AS relfilenode, 0 AS reltablespace,
       0 AS relpages, CAST(r.reltuples AS REAL) AS reltuples, 0 AS relallvisible,
       0 AS reltoastrelid, r.relhasindex, false AS relisshared,
       CASE WHEN ${pg}.mallard_is_temp_nspname(r.schema_name) THEN 't' ELSE 'p' END AS relpersistence, r.relkind,
       CAST(r.relnatts AS SMALLINT) AS relnatts, CAST(r.relchecks AS SMALLINT) AS relchecks,
       false AS relhasrules, fk.oid IS NOT NULL AS relhastriggers, false AS relhassubclass,
       false AS relrowsecurity, false AS relforcerowsecurity, true AS relispopulated,
       CASE WHEN r.relkind = 'r' THEN 'd' ELSE 'n' END AS relreplident, false AS relispartition,
       0 AS relrewrite, 0 AS relfrozenxid, 0 AS relminmxid,
       CASE WHEN r.relkind IN ('r', 'v') THEN string_split(
         mallard_acl('TABLE', current_database(), r.schema_name, r.relname), ',') END AS relacl,
       CAST(NULL AS VARCHAR[]) AS reloptions, CAST(NULL AS VARCHAR) AS relpartbound
FROM (SELECT oid, schema_name, relname, relkind, relnatts, reltuples, relhasindex, relchecks,
             CASE relkind WHEN 'r' THEN 2 ELSE 0 END AS relam
      FROM ${pg}.mallard_relations WHERE relkind <> 'i'
      UNION ALL
      SELECT indexrelid, schema_name, indexname, 'i', len(indkey), 0, false, 0,
             CASE amname WHEN 'btree' THEN 403 ELSE 16383 END
      FROM ${pg}.mallard_indexes) r
-- PostgreSQL enforces foreign keys with (internal) triggers on both tables, and clients such as
-- psql look for foreign keys only where relhastriggers is set.
LEFT JOIN (SELECT DISTINCT ${pg}.mallard_oid('r', schema_name, t) AS oid
           FROM (SELECT schema_name, table_name AS t FROM ${pg}.mallard_constraints WHERE contype = 'f'
                 UNION SELECT schema_name, referenced_table FROM ${pg}.mallard_constraints WHERE contype = 'f')) fk
  ON fk.oid = r.oid AND r.relkind = 'r';

CREATE VIEW ${pg}.pg_constraint AS
SELECT ${pg}.mallard_oid('c', k.schema_name, k.table_name || '.' || k.conname) AS oid, k.conname,
       ${pg}.mallard_nspoid(k.schema_name) AS connamespace, k.contype, false AS condeferrable,
       false AS condeferred, true AS convalidated,
       ${pg}.mallard_oid('r', k.schema_name, k.table_name) AS conrelid, 0 AS contypid,
       CASE WHEN k.contype IN ('p', 'u') THEN ${pg}.mallard_oid('i', k.schema_name, k.conname)
         WHEN k.contype = 'f' THEN coalesce((SELECT ${pg}.mallard_oid('i', r.schema_name, r.conname)
           FROM ${pg}.mallard_constraints r WHERE r.schema_name = k.schema_name
             AND r.table_name = k.referenced_table AND r.contype IN ('p', 'u')
             AND r.constraint_column_names = k.referenced_column_names LIMIT 1), 0)
         ELSE 0 END AS conindid,
       0 AS conparentid,
       CASE WHEN k.contype = 'f' THEN ${pg}.mallard_oid('r', k.schema_name, k.referenced_table) ELSE 0 END AS confrelid,
       CASE WHEN k.contype = 'f' THEN 'a' ELSE ' ' END AS confupdtype,
       CASE WHEN k.contype = 'f' THEN 'a' ELSE ' ' END AS confdeltype,
       CASE WHEN k.contype = 'f' THEN 's' ELSE ' ' END AS confmatchtype,
       true AS conislocal, 0 AS coninhcount, false AS connoinherit, k.conkey,
       CASE WHEN k.contype = 'f' THEN list_transform(k.referenced_column_names, n ->
         CAST(list_position(rc.cols, n) AS SMALLINT)) END AS confkey,
       CAST(NULL AS INTEGER[]) AS conpfeqop, CAST(NULL AS INTEGER[]) AS conppeqop,
       CAST(NULL AS INTEGER[]) AS conffeqop, CAST(NULL AS SMALLINT[]) AS confdelsetcols,
       CAST(NULL AS INTEGER[]) AS conexclop,
       CASE WHEN k.contype = 'c' THEN k.expression END AS conbin,
       k.schema_name AS mallard_schema, k.table_name AS mallard_table,
       k.constraint_column_names AS mallard_columns, k.referenced_table AS mallard_ref_table,
       k.referenced_column_names AS mallard_ref_columns
FROM ${pg}.mallard_constraints k
LEFT JOIN (SELECT schema_name, table_name, list(column_name ORDER BY column_index) AS cols
           FROM ${pg}.mallard_duck_columns GROUP BY ALL) rc
  ON k.contype = 'f' AND rc.schema_name = k.schema_name AND rc.table_name = k.referenced_table;

-- COMMENT ON: tables, views, sequences, indexes and columns (classoid pg_class) and schemas
-- (classoid pg_namespace).
CREATE VIEW ${pg}.pg_description AS
SELECT oid AS objoid, 1259 AS classoid, 0 AS objsubid, comment AS description
FROM ${pg}.mallard_relations WHERE comment IS NOT NULL AND comment <> ''
UNION ALL
SELECT attrelid, 1259, column_index, comment FROM ${pg}.mallard_columns
WHERE comment IS NOT NULL AND comment <> ''
UNION ALL
SELECT ${pg}.mallard_nspoid(schema_name), 2615, 0, comment FROM duckdb_schemas()
WHERE ${pg}.mallard_here(database_name) AND comment IS NOT NULL AND comment <> '';
