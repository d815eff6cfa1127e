-- information_schema over the pg_catalog emulation, with the SQL standard's column names.

CREATE VIEW ${info}.information_schema_catalog_name AS SELECT current_database() AS catalog_name;

CREATE VIEW ${info}.schemata AS
SELECT current_database() AS catalog_name, nspname AS schema_name,
       ${pg}.pg_get_userbyid(nspowner) AS schema_owner,
       CAST(NULL AS VARCHAR) AS default_character_set_catalog,
       CAST(NULL AS VARCHAR) AS default_character_set_schema,
       CAST(NULL AS VARCHAR) AS default_character_set_name, CAST(NULL AS VARCHAR) AS sql_path
FROM ${pg}.pg_namespace;

CREATE VIEW ${info}.tables AS
SELECT current_database() AS table_catalog, n.nspname AS table_schema, c.relname AS table_name,
       CASE WHEN c.relkind = 'v' THEN 'VIEW' WHEN n.nspname IN ('pg_catalog', 'information_schema')
         THEN 'SYSTEM VIEW' WHEN c.relpersistence = 't' THEN 'LOCAL TEMPORARY' ELSE 'BASE TABLE' END AS table_type,
       CAST(NULL AS VARCHAR) AS self_referencing_column_name, CAST(NULL AS VARCHAR) AS reference_generation,
       CAST(NULL AS VARCHAR) AS user_defined_type_catalog, CAST(NULL AS VARCHAR) AS user_defined_type_schema,
       CAST(NULL AS VARCHAR) AS user_defined_type_name,
       CASE WHEN c.relkind = 'r' THEN 'YES' ELSE 'NO' END AS is_insertable_into,
       'NO' AS is_typed, CAST(NULL AS VARCHAR) AS commit_action
FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v');

CREATE VIEW ${info}.columns AS
SELECT current_database() AS table_catalog, n.nspname AS table_schema, c.relname AS table_name,
       a.attname AS column_name, CAST(a.attnum AS INTEGER) AS ordinal_position,
       d.adbin AS column_default, CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,
       CASE WHEN t.typcategory = 'A' THEN 'ARRAY' WHEN t.typtype = 'e' THEN 'USER-DEFINED'
         ELSE regexp_replace(${pg}.format_type(a.atttypid, NULL), '^"char"$', 'char') END AS data_type,
       CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4 END AS character_maximum_length,
       CASE WHEN t.typname IN ('varchar', 'bpchar', 'text') THEN 1073741824 END AS character_octet_length,
       CASE t.typname WHEN 'int2' THEN 16 WHEN 'int4' THEN 32 WHEN 'int8' THEN 64 WHEN 'float4' THEN 24
         WHEN 'float8' THEN 53 WHEN 'numeric' THEN CASE WHEN a.atttypmod > 0 THEN (a.atttypmod - 4) >> 16 END END AS numeric_precision,
       CASE WHEN t.typname IN ('int2', 'int4', 'int8', 'float4', 'float8') THEN 2
         WHEN t.typname = 'numeric' THEN 10 END AS numeric_precision_radix,
       CASE WHEN t.typname IN ('int2', 'int4', 'int8') THEN 0
         WHEN t.typname = 'numeric' AND a.atttypmod > 0 THEN (a.atttypmod - 4) & 65535 END AS numeric_scale,
       CASE WHEN t.typname IN ('date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval') THEN 6 END AS datetime_precision,
       CAST(NULL AS VARCHAR) AS interval_type, CAST(NULL AS INTEGER) AS interval_precision,
       CAST(NULL AS VARCHAR) AS character_set_catalog, CAST(NULL AS VARCHAR) AS character_set_schema,
       CAST(NULL AS VARCHAR) AS character_set_name, CAST(NULL AS VARCHAR) AS collation_catalog,
       CAST(NULL AS VARCHAR) AS collation_schema, CAST(NULL AS VARCHAR) AS collation_name,
       CAST(NULL AS VARCHAR) AS domain_catalog, CAST(NULL AS VARCHAR) AS domain_schema,
       CAST(NULL AS VARCHAR) AS domain_name, current_database() AS udt_catalog,
       tn.nspname AS udt_schema, t.typname AS udt_name, CAST(NULL AS VARCHAR) AS scope_catalog,
       CAST(NULL AS VARCHAR) AS scope_schema, CAST(NULL AS VARCHAR) AS scope_name,
       CAST(NULL AS INTEGER) AS maximum_cardinality, CAST(a.attnum AS VARCHAR) AS dtd_identifier,
       'NO' AS is_self_referencing, 'NO' AS is_identity, CAST(NULL AS VARCHAR) AS identity_generation,
       CAST(NULL AS VARCHAR) AS identity_start, CAST(NULL AS VARCHAR) AS identity_increment,
       CAST(NULL AS VARCHAR) AS identity_maximum, CAST(NULL AS VARCHAR) AS identity_minimum,
       CAST(NULL AS VARCHAR) AS identity_cycle, 'NEVER' AS is_generated,
       CAST(NULL AS VARCHAR) AS generation_expression,
       CASE WHEN c.relkind = 'r' THEN 'YES' ELSE 'NO' END AS is_updatable
FROM ${pg}.pg_attribute a
JOIN ${pg}.pg_class c ON c.oid = a.attrelid
JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN ${pg}.pg_type t ON t.oid = a.atttypid
LEFT JOIN ${pg}.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN ${pg}.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE c.relkind IN ('r', 'v') AND a.attnum > 0;

CREATE VIEW ${info}.views AS
SELECT current_database() AS table_catalog, n.nspname AS table_schema, c.relname AS table_name,
       ${pg}.pg_get_viewdef(c.oid) AS view_definition, 'NONE' AS check_option,
       'NO' AS is_updatable, 'NO' AS is_insertable_into, 'NO' AS is_trigger_updatable,
       'NO' AS is_trigger_deletable, 'NO' AS is_trigger_insertable_into
FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'v' AND n.nspname NOT IN ('pg_catalog', 'information_schema');

CREATE VIEW ${info}.table_constraints AS
SELECT current_database() AS constraint_catalog, ${pg}.mallard_nspname(k.mallard_schema) AS constraint_schema,
       k.conname AS constraint_name, current_database() AS table_catalog,
       ${pg}.mallard_nspname(k.mallard_schema) AS table_schema, k.mallard_table AS table_name,
       CASE k.contype WHEN 'p' THEN 'PRIMARY KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY'
         ELSE 'CHECK' END AS constraint_type,
       'NO' AS is_deferrable, 'NO' AS initially_deferred, 'YES' AS enforced, CAST(NULL AS VARCHAR) AS nulls_distinct
FROM ${pg}.pg_constraint k;

CREATE VIEW ${info}.key_column_usage AS
SELECT current_database() AS constraint_catalog, ${pg}.mallard_nspname(k.mallard_schema) AS constraint_schema,
       k.conname AS constraint_name, current_database() AS table_catalog,
       ${pg}.mallard_nspname(k.mallard_schema) AS table_schema, k.mallard_table AS table_name,
       k.mallard_columns[p] AS column_name, CAST(p AS INTEGER) AS ordinal_position,
       CASE WHEN k.contype = 'f' THEN CAST(p AS INTEGER) END AS position_in_unique_constraint
FROM ${pg}.pg_constraint k, range(1, len(k.mallard_columns) + 1) r(p)
WHERE k.contype IN ('p', 'u', 'f');

CREATE VIEW ${info}.referential_constraints AS
SELECT current_database() AS constraint_catalog, ${pg}.mallard_nspname(k.mallard_schema) AS constraint_schema,
       k.conname AS constraint_name, current_database() AS unique_constraint_catalog,
       ${pg}.mallard_nspname(k.mallard_schema) AS unique_constraint_schema,
       u.conname AS unique_constraint_name, 'NONE' AS match_option, 'NO ACTION' AS update_rule,
       'NO ACTION' AS delete_rule
FROM ${pg}.pg_constraint k LEFT JOIN ${pg}.pg_constraint u ON u.contype IN ('p', 'u')
  AND u.conrelid = k.confrelid AND u.mallard_columns = k.mallard_ref_columns
WHERE k.contype = 'f';

CREATE VIEW ${info}.check_constraints AS
SELECT current_database() AS constraint_catalog, ${pg}.mallard_nspname(mallard_schema) AS constraint_schema,
       conname AS constraint_name, conbin AS check_clause
FROM ${pg}.pg_constraint WHERE contype = 'c';

CREATE VIEW ${info}.routines AS
SELECT current_database() AS specific_catalog, n.nspname AS specific_schema,
       p.proname || '_' || p.oid AS specific_name, current_database() AS routine_catalog,
       n.nspname AS routine_schema, p.proname AS routine_name, 'FUNCTION' AS routine_type,
       ${pg}.format_type(p.prorettype, NULL) AS data_type,
       CASE WHEN p.prolang = 14 THEN 'SQL' ELSE 'EXTERNAL' END AS routine_body,
       CASE WHEN p.prolang = 14 THEN p.prosrc END AS routine_definition,
       CASE WHEN p.prolang = 14 THEN 'SQL' ELSE 'C' END AS external_language,
       'GENERAL' AS parameter_style, CASE WHEN p.provolatile = 'i' THEN 'YES' ELSE 'NO' END AS is_deterministic,
       'MODIFIES' AS sql_data_access, 'NO' AS is_null_call, 'NO' AS security_type
FROM ${pg}.pg_proc p JOIN ${pg}.pg_namespace n ON n.oid = p.pronamespace;

CREATE VIEW ${info}.parameters AS
SELECT current_database() AS specific_catalog, n.nspname AS specific_schema,
       p.proname || '_' || p.oid AS specific_name, CAST(i AS INTEGER) AS ordinal_position,
       'IN' AS parameter_mode, 'NO' AS is_result, 'NO' AS as_locator,
       p.proargnames[i] AS parameter_name, ${pg}.format_type(p.proargtypes[i], NULL) AS data_type,
       CAST(NULL AS VARCHAR) AS parameter_default
FROM ${pg}.pg_proc p JOIN ${pg}.pg_namespace n ON n.oid = p.pronamespace,
     range(1, p.pronargs + 1) r(i);

CREATE VIEW ${info}.character_sets AS
SELECT CAST(NULL AS VARCHAR) AS character_set_catalog, CAST(NULL AS VARCHAR) AS character_set_schema,
       'UTF8' AS character_set_name, 'UCS' AS character_repertoire, 'UTF8' AS form_of_use,
       current_database() AS default_collate_catalog, 'pg_catalog' AS default_collate_schema,
       'C' AS default_collate_name;

CREATE VIEW ${info}.sequences AS
SELECT current_database() AS sequence_catalog, schemaname AS sequence_schema,
       sequencename AS sequence_name, 'bigint' AS data_type, 64 AS numeric_precision,
       2 AS numeric_precision_radix, 0 AS numeric_scale, CAST(start_value AS VARCHAR) AS start_value,
       CAST(min_value AS VARCHAR) AS minimum_value, CAST(max_value AS VARCHAR) AS maximum_value,
       CAST(increment_by AS VARCHAR) AS increment, CASE WHEN cycle THEN 'YES' ELSE 'NO' END AS cycle_option
FROM ${pg}.pg_sequences;

CREATE VIEW ${info}.enabled_roles AS SELECT rolname AS role_name FROM ${pg}.mallard_roles;

-- Privileges on tables and views from the system catalog's grants (the default ACL included, so
-- owners appear as in PostgreSQL); mallard_acl_privileges gives grantor|grantee|privilege|grantable.
CREATE VIEW ${info}.table_privileges AS
SELECT split_part(p, '|', 1) AS grantor, split_part(p, '|', 2) AS grantee,
       current_database() AS table_catalog, nspname AS table_schema, relname AS table_name,
       split_part(p, '|', 3) AS privilege_type, split_part(p, '|', 4) AS is_grantable,
       CASE WHEN split_part(p, '|', 3) = 'SELECT' THEN 'YES' ELSE 'NO' END AS with_hierarchy
FROM (SELECT n.nspname, c.relname,
             unnest(string_split(mallard_acl_privileges('TABLE', current_database(), n.nspname, c.relname), ',')) AS p
      FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'v') AND n.nspname NOT IN ('pg_catalog', 'information_schema'))
-- as in PostgreSQL: only grants the current role gave or holds, directly or through a role
WHERE mallard_uses_privileges_of(current_user, split_part(p, '|', 1))
   OR mallard_uses_privileges_of(current_user, split_part(p, '|', 2));

-- PostgreSQL's: the grantor or the grantee is one of the current role's enabled roles (not PUBLIC)
CREATE VIEW ${info}.role_table_grants AS SELECT * FROM ${info}.table_privileges
WHERE mallard_uses_privileges_of(current_user, grantor)
   OR (grantee <> 'PUBLIC' AND mallard_uses_privileges_of(current_user, grantee));

