-- pg_catalog functions clients call, as macros over the emulation's relations. Session values
-- (current_user, pg_backend_pid) are per-connection TEMP macros (PgCatalog.bindSession), and
-- current_setting() is the session's own (engine PgFunctions).

CREATE MACRO ${pg}.version() AS
  'PostgreSQL ' || current_setting('server_version') || ' on x86_64-pc-linux-gnu, compiled by Mallard (DuckDB '
  || (SELECT library_version FROM pragma_version()) || '), 64-bit';

-- The search path as PostgreSQL names it (main is public), without DuckDB's repetitions; pg_catalog
-- is searched first unless the path names it. No subqueries: callers use it in table functions.
CREATE MACRO ${pg}.mallard_distinct(a_list) AS list_filter(a_list, (x, i) -> list_position(a_list, x) = i);

CREATE MACRO ${pg}.mallard_search_path() AS
  ${pg}.mallard_distinct(list_transform(system.main.current_schemas(true), s -> ${pg}.mallard_nspname(s)));

CREATE MACRO ${pg}.current_schemas(a_include_implicit) AS
  CASE WHEN NOT a_include_implicit THEN list_filter(${pg}.mallard_search_path(), x -> x <> 'pg_catalog')
    WHEN list_contains(${pg}.mallard_search_path(), 'pg_catalog') THEN ${pg}.mallard_search_path()
    ELSE list_prepend('pg_catalog', ${pg}.mallard_search_path()) END;

-- Where names of relations are looked up: the session's temporary schema first, as in
-- PostgreSQL (current_schemas itself leaves it out: its callers may be table functions, which
-- take no subquery to see whether the session has temporary relations).
CREATE MACRO ${pg}.mallard_lookup_path() AS
  list_prepend(${pg}.mallard_temp_nspname(), ${pg}.current_schemas(true));

CREATE MACRO ${pg}.current_schema() AS ${pg}.mallard_nspname(system.main.current_schema());

-- The SQL spelling of a type, as PostgreSQL's format_type prints it.
CREATE MACRO ${pg}.mallard_type_display(a_typname) AS
  CASE a_typname WHEN 'bool' THEN 'boolean' WHEN 'int2' THEN 'smallint' WHEN 'int4' THEN 'integer'
    WHEN 'int8' THEN 'bigint' WHEN 'float4' THEN 'real' WHEN 'float8' THEN 'double precision'
    WHEN 'varchar' THEN 'character varying' WHEN 'bpchar' THEN 'character'
    WHEN 'timestamp' THEN 'timestamp without time zone' WHEN 'timestamptz' THEN 'timestamp with time zone'
    WHEN 'time' THEN 'time without time zone' WHEN 'timetz' THEN 'time with time zone'
    WHEN 'varbit' THEN 'bit varying' WHEN 'char' THEN '"char"' ELSE a_typname END;

CREATE MACRO ${pg}.mallard_typmod_display(a_typname, a_typmod) AS
  CASE WHEN a_typmod IS NULL OR a_typmod < 0 THEN ''
    WHEN a_typname = 'numeric' THEN '(' || ((a_typmod - 4) >> 16) || ',' || ((a_typmod - 4) & 65535) || ')'
    WHEN a_typname IN ('varchar', 'bpchar') THEN '(' || (a_typmod - 4) || ')'
    ELSE '' END;

-- Functions that look an OID up read a map built by an uncorrelated subquery: DuckDB binds a
-- macro's arguments inside the macro's subqueries, where a column named like the argument (oid)
-- would capture it; and the map is computed once per statement.
CREATE MACRO ${pg}.mallard_type_map() AS
  (SELECT map(list(t.oid), list({'name': coalesce(e.typname, t.typname), 'arr': e.oid IS NOT NULL}))
   FROM ${pg}.pg_type t LEFT JOIN ${pg}.pg_type e ON e.oid = t.typelem AND t.typcategory = 'A');

-- Macros whose argument may itself be a macro call (reg casts nest: x::regclass::text) use it
-- once, through a subquery over it: an argument used n times is expanded n times, and nested
-- calls multiply past DuckDB's expression depth limit (and its planning time).
CREATE MACRO ${pg}.format_type(a_type_oid, a_typmod) AS
  (SELECT CASE WHEN mallard_v IS NULL THEN NULL ELSE coalesce(
     ${pg}.mallard_type_display(mallard_t.name) || ${pg}.mallard_typmod_display(mallard_t.name, mallard_m)
     || CASE WHEN mallard_t.arr THEN '[]' ELSE '' END, '???') END
   FROM (SELECT mallard_v, mallard_m, map_extract_value(${pg}.mallard_type_map(), mallard_v) AS mallard_t
         FROM (SELECT a_type_oid AS mallard_v, a_typmod AS mallard_m)));

CREATE MACRO ${pg}.pg_get_expr(a_expr, a_relation) AS a_expr, (a_expr, a_relation, a_pretty) AS a_expr;

CREATE MACRO ${pg}.mallard_index_map() AS
  (SELECT map(list(indexrelid), list({'def': 'CREATE ' || CASE WHEN indisunique THEN 'UNIQUE ' ELSE '' END
     || 'INDEX ' || ${pg}.mallard_ident(indexname) || ' ON ' || ${pg}.mallard_ident(${pg}.mallard_nspname(schema_name))
     || '.' || ${pg}.mallard_ident(table_name) || ' USING ' || amname || ' (' || array_to_string(exprs, ', ') || ')',
     'exprs': exprs}))
   FROM ${pg}.mallard_indexes);

CREATE MACRO ${pg}.pg_get_indexdef(a_index_oid) AS map_extract_value(${pg}.mallard_index_map(), a_index_oid).def,
  (a_index_oid, a_column_no, a_pretty) AS
  CASE WHEN a_column_no = 0 THEN map_extract_value(${pg}.mallard_index_map(), a_index_oid).def
    ELSE map_extract_value(${pg}.mallard_index_map(), a_index_oid).exprs[a_column_no] END;

CREATE MACRO ${pg}.mallard_column_list(a_names) AS
  array_to_string(list_transform(a_names, n -> ${pg}.mallard_ident(n)), ', ');

CREATE MACRO ${pg}.mallard_constraint_map() AS
  (SELECT map(list(oid), list(CASE contype
     WHEN 'p' THEN 'PRIMARY KEY (' || ${pg}.mallard_column_list(mallard_columns) || ')'
     WHEN 'u' THEN 'UNIQUE (' || ${pg}.mallard_column_list(mallard_columns) || ')'
     WHEN 'f' THEN 'FOREIGN KEY (' || ${pg}.mallard_column_list(mallard_columns) || ') REFERENCES '
       || ${pg}.mallard_ident(mallard_ref_table) || '(' || ${pg}.mallard_column_list(mallard_ref_columns) || ')'
     ELSE 'CHECK (' || conbin || ')' END))
   FROM ${pg}.pg_constraint);

CREATE MACRO ${pg}.pg_get_constraintdef(a_constraint_oid) AS map_extract_value(${pg}.mallard_constraint_map(), a_constraint_oid),
  (a_constraint_oid, a_pretty) AS map_extract_value(${pg}.mallard_constraint_map(), a_constraint_oid);

CREATE MACRO ${pg}.mallard_view_map() AS
  (SELECT map(list(${pg}.mallard_oid('r', schema_name, view_name)),
     list(regexp_replace(regexp_replace(sql, '^\s*CREATE\s+(OR\s+REPLACE\s+)?(TEMP\w*\s+)?VIEW\s+.*?\s+AS\s+', '', 'si'), ';\s*$', '')))
   FROM ${pg}.mallard_duck_views);

CREATE MACRO ${pg}.pg_get_viewdef(a_view_oid) AS map_extract_value(${pg}.mallard_view_map(), a_view_oid),
  (a_view_oid, a_pretty) AS map_extract_value(${pg}.mallard_view_map(), a_view_oid);

CREATE MACRO ${pg}.mallard_role_map() AS (SELECT map(list(oid), list(rolname)) FROM ${pg}.mallard_roles);

CREATE MACRO ${pg}.pg_get_userbyid(a_role_oid) AS
  coalesce(map_extract_value(${pg}.mallard_role_map(), a_role_oid), 'unknown (OID=' || a_role_oid || ')');

CREATE MACRO ${pg}.mallard_visible_namespace(a_namespace_oid) AS
  list_contains(${pg}.mallard_lookup_path(),
    map_extract_value((SELECT map(list(oid), list(nspname)) FROM ${pg}.pg_namespace), a_namespace_oid));

CREATE MACRO ${pg}.pg_table_is_visible(a_rel_oid) AS ${pg}.mallard_visible_namespace(
  map_extract_value((SELECT map(list(oid), list(relnamespace)) FROM ${pg}.pg_class), a_rel_oid));

CREATE MACRO ${pg}.pg_type_is_visible(a_type_oid) AS ${pg}.mallard_visible_namespace(
  map_extract_value((SELECT map(list(oid), list(typnamespace)) FROM ${pg}.pg_type), a_type_oid));

CREATE MACRO ${pg}.pg_function_is_visible(a_function_oid) AS ${pg}.mallard_visible_namespace(
  map_extract_value((SELECT map(list(oid), list(pronamespace)) FROM (SELECT DISTINCT ON (oid) oid, pronamespace FROM ${pg}.pg_proc)), a_function_oid));

CREATE MACRO ${pg}.mallard_description_map() AS
  (SELECT map(list(classoid || '/' || objoid || '/' || objsubid), list(description)) FROM ${pg}.pg_description);

CREATE MACRO ${pg}.obj_description(a_object_oid) AS
  map_extract_value(${pg}.mallard_description_map(), '1259/' || a_object_oid || '/0'),
  (a_object_oid, a_catalog_name) AS
  map_extract_value(${pg}.mallard_description_map(), CASE a_catalog_name WHEN 'pg_class' THEN '1259'
    WHEN 'pg_namespace' THEN '2615' ELSE '0' END || '/' || a_object_oid || '/0');

CREATE MACRO ${pg}.col_description(a_table_oid, a_column_number) AS
  map_extract_value(${pg}.mallard_description_map(), '1259/' || a_table_oid || '/' || a_column_number);

CREATE MACRO ${pg}.shobj_description(a_object_oid, a_catalog_name) AS CAST(NULL AS VARCHAR);

-- Privileges on tables, schemas and databases come from the system catalog's grants
-- (mallard_has_privilege, PrivilegeFunctions.java), the same truth enforcement uses. A relation
-- is named by text ('t' is public.t, 's.t') or by OID; column privileges are the table's.
CREATE MACRO ${pg}.mallard_rel_schema(a_rel) AS coalesce(
  (SELECT n.nspname FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = TRY_CAST(CAST(a_rel AS VARCHAR) AS BIGINT)),
  CASE WHEN contains(CAST(a_rel AS VARCHAR), '.') THEN split_part(CAST(a_rel AS VARCHAR), '.', 1) ELSE 'public' END);
CREATE MACRO ${pg}.mallard_rel_name(a_rel) AS coalesce(
  (SELECT c.relname FROM ${pg}.pg_class c WHERE c.oid = TRY_CAST(CAST(a_rel AS VARCHAR) AS BIGINT)),
  CASE WHEN contains(CAST(a_rel AS VARCHAR), '.') THEN split_part(CAST(a_rel AS VARCHAR), '.', 2) ELSE CAST(a_rel AS VARCHAR) END);
CREATE MACRO ${pg}.mallard_nsp_name(a_nsp) AS coalesce(
  (SELECT nspname FROM ${pg}.pg_namespace WHERE oid = TRY_CAST(CAST(a_nsp AS VARCHAR) AS BIGINT)), CAST(a_nsp AS VARCHAR));
CREATE MACRO ${pg}.mallard_dat_name(a_dat) AS coalesce(
  (SELECT datname FROM ${pg}.pg_database WHERE oid = TRY_CAST(CAST(a_dat AS VARCHAR) AS BIGINT)), CAST(a_dat AS VARCHAR));
CREATE MACRO ${pg}.has_table_privilege(a_a, a_b) AS
  mallard_has_privilege(current_user, 'TABLE', current_database(), ${pg}.mallard_rel_schema(a_a), ${pg}.mallard_rel_name(a_a), a_b),
  (a_a, a_b, a_c) AS
  mallard_has_privilege(CAST(a_a AS VARCHAR), 'TABLE', current_database(), ${pg}.mallard_rel_schema(a_b), ${pg}.mallard_rel_name(a_b), a_c);
CREATE MACRO ${pg}.has_schema_privilege(a_a, a_b) AS
  mallard_has_privilege(current_user, 'SCHEMA', current_database(), ${pg}.mallard_nsp_name(a_a), '', a_b),
  (a_a, a_b, a_c) AS
  mallard_has_privilege(CAST(a_a AS VARCHAR), 'SCHEMA', current_database(), ${pg}.mallard_nsp_name(a_b), '', a_c);
CREATE MACRO ${pg}.has_database_privilege(a_a, a_b) AS
  mallard_has_privilege(current_user, 'DATABASE', ${pg}.mallard_dat_name(a_a), '', '', a_b),
  (a_a, a_b, a_c) AS
  mallard_has_privilege(CAST(a_a AS VARCHAR), 'DATABASE', ${pg}.mallard_dat_name(a_b), '', '', a_c);
CREATE MACRO ${pg}.has_column_privilege(a_a, a_b, a_c) AS ${pg}.has_table_privilege(a_a, a_c),
  (a_a, a_b, a_c, a_d) AS ${pg}.has_table_privilege(a_a, a_b, a_d);
CREATE MACRO ${pg}.has_any_column_privilege(a_a, a_b) AS ${pg}.has_table_privilege(a_a, a_b),
  (a_a, a_b, a_c) AS ${pg}.has_table_privilege(a_a, a_b, a_c);
CREATE MACRO ${pg}.has_function_privilege(a_a, a_b) AS true, (a_a, a_b, a_c) AS true;
CREATE MACRO ${pg}.has_sequence_privilege(a_a, a_b) AS true, (a_a, a_b, a_c) AS true;
CREATE MACRO ${pg}.has_type_privilege(a_a, a_b) AS true, (a_a, a_b, a_c) AS true;
CREATE MACRO ${pg}.has_language_privilege(a_a, a_b) AS true, (a_a, a_b, a_c) AS true;
CREATE MACRO ${pg}.has_tablespace_privilege(a_a, a_b) AS true, (a_a, a_b, a_c) AS true;
CREATE MACRO ${pg}.has_server_privilege(a_a, a_b) AS true, (a_a, a_b, a_c) AS true;
CREATE MACRO ${pg}.has_foreign_data_wrapper_privilege(a_a, a_b) AS true, (a_a, a_b, a_c) AS true;
CREATE MACRO ${pg}.pg_has_role(a_a, a_b) AS true, (a_a, a_b, a_c) AS true;

CREATE MACRO ${pg}.pg_encoding_to_char(a_encoding) AS
  CASE a_encoding WHEN 6 THEN 'UTF8' WHEN 0 THEN 'SQL_ASCII' ELSE '' END;
CREATE MACRO ${pg}.pg_char_to_encoding(a_name) AS
  CASE upper(a_name) WHEN 'UTF8' THEN 6 WHEN 'SQL_ASCII' THEN 0 ELSE -1 END;

CREATE MACRO ${pg}.pg_postmaster_start_time() AS (SELECT started FROM ${pg}.mallard_started);
CREATE MACRO ${pg}.pg_conf_load_time() AS (SELECT started FROM ${pg}.mallard_started);
CREATE MACRO ${pg}.pg_is_in_recovery() AS false;
CREATE MACRO ${pg}.getdatabaseencoding() AS 'UTF8';
-- The built-in tablespaces have no location of their own, as in PostgreSQL.
CREATE MACRO ${pg}.pg_tablespace_location(a_tablespace_oid) AS '';
-- DuckDB macros have no SQL-standard body; their text is prosrc.
CREATE MACRO ${pg}.pg_get_function_sqlbody(a_function_oid) AS CAST(NULL AS VARCHAR);
-- The session's temporary schema (0 before it has temporary relations); other sessions'
-- temporary schemas are never shown, so none is "other".
CREATE MACRO ${pg}.pg_my_temp_schema() AS
  CASE WHEN ${pg}.mallard_has_temp() THEN ${pg}.mallard_nspoid(${pg}.mallard_temp_nspname()) ELSE 0 END;
CREATE MACRO ${pg}.pg_is_other_temp_schema(a_namespace_oid) AS false;
CREATE MACRO ${pg}.pg_jit_available() AS false;

CREATE MACRO ${pg}.quote_ident(a_ident) AS
  CASE WHEN regexp_full_match(a_ident, '[a-z_][a-z0-9_$]*')
        AND a_ident NOT IN (SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category <> 'unreserved')
    THEN a_ident ELSE '"' || replace(a_ident, '"', '""') || '"' END;

-- One-dimensional arrays only: DuckDB lists start at 1, as PostgreSQL arrays do by default.
CREATE MACRO ${pg}.array_upper(a_arr, a_dimension) AS
  CASE WHEN a_dimension = 1 AND len(a_arr) > 0 THEN CAST(len(a_arr) AS INTEGER) END;
CREATE MACRO ${pg}.array_lower(a_arr, a_dimension) AS
  CASE WHEN a_dimension = 1 AND len(a_arr) > 0 THEN CAST(1 AS INTEGER) END;

CREATE MACRO ${pg}.pg_get_keywords() AS TABLE
  SELECT keyword_name AS word,
         CASE keyword_category WHEN 'reserved' THEN 'R' WHEN 'unreserved' THEN 'U'
           WHEN 'column_name' THEN 'C' ELSE 'T' END AS catcode,
         CASE keyword_category WHEN 'reserved' THEN false ELSE true END AS barelabel,
         CASE keyword_category WHEN 'reserved' THEN 'reserved' WHEN 'unreserved' THEN 'unreserved'
           WHEN 'column_name' THEN 'unreserved (cannot be function or type name)'
           ELSE 'reserved (can be function or type name)' END AS catdesc,
         CASE keyword_category WHEN 'reserved' THEN 'can be bare label' ELSE 'requires AS' END AS baredesc
  FROM duckdb_keywords();

-- regclass and friends: an OID number stays a number, a name is looked up as PostgreSQL does
-- (optionally schema-qualified, else through the search path; pg_catalog first).
CREATE MACRO ${pg}.mallard_fold(a_part) AS
  CASE WHEN a_part LIKE '"%"' THEN replace(a_part[2:-2], '""', '"') ELSE lower(a_part) END;

-- Relation names as a name-to-OID map: "schema.name" for every relation, "name" for those the
-- search path reaches (the first schema in the path wins).
CREATE MACRO ${pg}.mallard_class_names() AS
  (SELECT map(list(k), list(oid)) FROM (
     SELECT n.nspname || '.' || c.relname AS k, c.oid FROM ${pg}.pg_class c
     JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace
     UNION ALL
     SELECT c.relname, arg_min(c.oid, list_position(${pg}.mallard_lookup_path(), n.nspname))
     FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace
     WHERE list_contains(${pg}.mallard_lookup_path(), n.nspname) GROUP BY c.relname
     UNION ALL
     -- pg_temp names the session's temporary schema
     SELECT 'pg_temp.' || relname, oid FROM ${pg}.pg_class WHERE relpersistence = 't'));

CREATE MACRO ${pg}.mallard_fold_name(a_name) AS
  CASE WHEN len(string_split(a_name, '.')) = 2
    THEN ${pg}.mallard_fold(string_split(a_name, '.')[1]) || '.' || ${pg}.mallard_fold(string_split(a_name, '.')[2])
    ELSE ${pg}.mallard_fold(a_name) END;

CREATE MACRO ${pg}.to_regclass(a_name) AS
  map_extract_value(${pg}.mallard_class_names(), ${pg}.mallard_fold_name(a_name));

-- The reg* lookups use their argument once (see format_type).
CREATE MACRO ${pg}.mallard_regclass(a_value) AS
  (SELECT CASE WHEN mallard_v IS NULL THEN NULL
     WHEN TRY_CAST(mallard_v AS BIGINT) IS NOT NULL THEN TRY_CAST(mallard_v AS BIGINT)
     ELSE coalesce(map_extract_value(${pg}.mallard_class_names(), ${pg}.mallard_fold_name(CAST(mallard_v AS VARCHAR))),
       error('[42P01] relation "' || CAST(mallard_v AS VARCHAR) || '" does not exist')) END
   FROM (SELECT a_value AS mallard_v));

CREATE MACRO ${pg}.mallard_regclass_name(a_rel_oid) AS
  (SELECT coalesce(map_extract_value((SELECT map(list(c.oid), list(CASE WHEN list_contains(${pg}.mallard_lookup_path(), n.nspname)
                   THEN ${pg}.mallard_ident(c.relname) ELSE ${pg}.mallard_ident(n.nspname) || '.' || ${pg}.mallard_ident(c.relname) END))
            FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace), mallard_v),
     CAST(mallard_v AS VARCHAR))
   FROM (SELECT a_rel_oid AS mallard_v));

-- Type names: pg_type's names and their SQL spellings (integer, character varying, ...).
CREATE MACRO ${pg}.mallard_type_names() AS
  (SELECT map(list(k), list(oid)) FROM (
     SELECT DISTINCT ON (k) k, oid FROM (
       SELECT typname AS k, oid, 0 AS pref FROM ${pg}.pg_type
       UNION ALL SELECT ${pg}.mallard_type_display(typname), oid, 1 FROM ${pg}.pg_type
       UNION ALL SELECT ${pg}.mallard_type_display(e.typname) || '[]', t.oid, 2 FROM ${pg}.pg_type t
         JOIN ${pg}.pg_type e ON e.oid = t.typelem AND t.typcategory = 'A')
     ORDER BY k, pref));

CREATE MACRO ${pg}.mallard_type_spelling(a_name) AS
  coalesce(map_extract_value(MAP {'int': 'integer', 'char': 'character', 'dec': 'numeric',
      'decimal': 'numeric', 'float': 'double precision'},
    regexp_replace(a_name, '(\[\])+$', '')), regexp_replace(a_name, '(\[\])+$', ''))
  || regexp_extract(a_name, '(\[\])+$');

-- As PostgreSQL's parser reads a type: a type modifier ('numeric(5,2)', 'varchar(3)') does not
-- change the type, and SQL's own spellings (int, char, decimal) name built-in types.
CREATE MACRO ${pg}.to_regtype(a_name) AS
  map_extract_value(${pg}.mallard_type_names(), ${pg}.mallard_type_spelling(lower(trim(regexp_replace(
    regexp_replace(a_name, '^pg_catalog\.', ''), '\s*\([0-9 ,]*\)', '', 'g')))));

CREATE MACRO ${pg}.mallard_regtype(a_value) AS
  (SELECT CASE WHEN mallard_v IS NULL THEN NULL
     WHEN TRY_CAST(mallard_v AS BIGINT) IS NOT NULL THEN TRY_CAST(mallard_v AS BIGINT)
     ELSE coalesce(${pg}.to_regtype(CAST(mallard_v AS VARCHAR)),
       error('[42704] type "' || CAST(mallard_v AS VARCHAR) || '" does not exist')) END
   FROM (SELECT a_value AS mallard_v));

-- One map lookup per name: format_type's several subqueries, repeated in each of many regtype
-- columns of one SELECT, crash DuckDB 1.5.
CREATE MACRO ${pg}.mallard_type_names_by_oid() AS
  (SELECT map(list(oid), list(${pg}.format_type(oid, NULL))) FROM ${pg}.pg_type);

CREATE MACRO ${pg}.mallard_regtype_name(a_type_oid) AS
  (SELECT CASE WHEN mallard_o IS NULL THEN NULL WHEN mallard_o = 0 THEN '-'
     ELSE coalesce(map_extract_value(${pg}.mallard_type_names_by_oid(), mallard_o),
       CAST(mallard_o AS VARCHAR)) END
   FROM (SELECT a_type_oid AS mallard_o));

-- The name of a type the wire sends (pg_typeof's): always in pg_type and never 0, so one map
-- lookup, without mallard_regtype_name's subquery around the argument.
CREATE MACRO ${pg}.mallard_wire_type_name(a_type_oid) AS
  map_extract_value(${pg}.mallard_type_names_by_oid(), a_type_oid);

CREATE MACRO ${pg}.mallard_regnamespace(a_value) AS
  (SELECT CASE WHEN mallard_v IS NULL THEN NULL
     WHEN TRY_CAST(mallard_v AS BIGINT) IS NOT NULL THEN TRY_CAST(mallard_v AS BIGINT)
     ELSE coalesce(map_extract_value((SELECT map(list(nspname), list(oid)) FROM ${pg}.pg_namespace),
         ${pg}.mallard_fold(CAST(mallard_v AS VARCHAR))),
       error('[3F000] schema "' || CAST(mallard_v AS VARCHAR) || '" does not exist')) END
   FROM (SELECT a_value AS mallard_v));

CREATE MACRO ${pg}.mallard_regnamespace_name(a_namespace_oid) AS
  (SELECT coalesce(map_extract_value((SELECT map(list(oid), list(nspname)) FROM ${pg}.pg_namespace), mallard_v),
     CAST(mallard_v AS VARCHAR))
   FROM (SELECT a_namespace_oid AS mallard_v));

CREATE MACRO ${pg}.mallard_regrole(a_value) AS
  (SELECT CASE WHEN mallard_v IS NULL THEN NULL
     WHEN TRY_CAST(mallard_v AS BIGINT) IS NOT NULL THEN TRY_CAST(mallard_v AS BIGINT)
     ELSE coalesce(map_extract_value((SELECT map(list(rolname), list(oid)) FROM ${pg}.mallard_roles),
         ${pg}.mallard_fold(CAST(mallard_v AS VARCHAR))),
       error('[42704] role "' || CAST(mallard_v AS VARCHAR) || '" does not exist')) END
   FROM (SELECT a_value AS mallard_v));

CREATE MACRO ${pg}.mallard_regrole_name(a_role_oid) AS
  (SELECT coalesce(map_extract_value(${pg}.mallard_role_map(), mallard_v), CAST(mallard_v AS VARCHAR))
   FROM (SELECT a_role_oid AS mallard_v));

CREATE MACRO ${pg}.mallard_regproc_name(a_proc_oid) AS
  (SELECT CASE WHEN mallard_v = 0 THEN '-' ELSE
     coalesce(map_extract_value((SELECT map(list(oid), list(proname)) FROM (SELECT DISTINCT ON (oid) oid, proname FROM ${pg}.pg_proc)), mallard_v),
       CAST(mallard_v AS VARCHAR)) END
   FROM (SELECT a_proc_oid AS mallard_v));

-- regproc is the function's name: the catalog's regproc columns (typinput, typoutput, ...) hold
-- names, and the type I/O functions they name are not DuckDB functions.
CREATE MACRO ${pg}.mallard_regproc(a_value) AS
  (SELECT CASE WHEN mallard_v IS NULL THEN NULL
     WHEN TRY_CAST(mallard_v AS BIGINT) IS NOT NULL THEN ${pg}.mallard_regproc_name(TRY_CAST(mallard_v AS BIGINT))
     ELSE ${pg}.mallard_fold(regexp_replace(regexp_replace(CAST(mallard_v AS VARCHAR), '\(.*$', ''), '^pg_catalog\.', '')) END
   FROM (SELECT a_value AS mallard_v));

CREATE MACRO ${pg}.pg_get_serial_sequence(a_table_name, a_column_name) AS
  nullif(regexp_extract(map_extract_value(
    (SELECT map(list(attrelid || '/' || column_name), list(column_default)) FROM ${pg}.mallard_columns
     WHERE column_default IS NOT NULL),
    ${pg}.mallard_regclass(a_table_name) || '/' || a_column_name), 'nextval\(''([^'']+)''', 1), '');

CREATE MACRO ${pg}.mallard_function_map() AS
  (SELECT map(list(oid), list({'result': ${pg}.format_type(prorettype, NULL), 'args': args})) FROM (
     SELECT p.oid, any_value(p.prorettype) AS prorettype,
            coalesce(string_agg(CASE WHEN a.n IS NULL OR a.n = '' THEN '' ELSE a.n || ' ' END
              || ${pg}.format_type(a.t, NULL), ', ' ORDER BY a.i), '') AS args
     FROM (SELECT DISTINCT ON (oid) * FROM ${pg}.pg_proc) p
     LEFT JOIN (SELECT oid, unnest(proargtypes) AS t, unnest(coalesce(proargnames, [])) AS n,
                       generate_subscripts(proargtypes, 1) AS i
                FROM (SELECT DISTINCT ON (oid) * FROM ${pg}.pg_proc)) a ON a.oid = p.oid
     GROUP BY p.oid));

CREATE MACRO ${pg}.pg_get_function_result(a_function_oid) AS
  map_extract_value(${pg}.mallard_function_map(), a_function_oid).result;

CREATE MACRO ${pg}.pg_get_function_arguments(a_function_oid) AS
  map_extract_value(${pg}.mallard_function_map(), a_function_oid).args;

CREATE MACRO ${pg}.pg_get_function_identity_arguments(a_function_oid) AS
  map_extract_value(${pg}.mallard_function_map(), a_function_oid).args;

-- Sizes: DuckDB reports the database's size (its blocks) but not one relation's, so relation
-- sizes are unknown (NULL).
CREATE MACRO ${pg}.pg_database_size(a_database) AS
  CASE WHEN CAST(a_database AS VARCHAR) IN (current_database(), CAST((SELECT oid FROM ${pg}.pg_database WHERE datname = current_database()) AS VARCHAR))
    THEN (SELECT CAST(total_blocks * block_size AS BIGINT) FROM pragma_database_size() WHERE database_name = current_database()) END;
CREATE MACRO ${pg}.pg_relation_size(a_rel) AS CAST(NULL AS BIGINT), (a_rel, a_fork) AS CAST(NULL AS BIGINT);
CREATE MACRO ${pg}.pg_table_size(a_rel) AS CAST(NULL AS BIGINT);
CREATE MACRO ${pg}.pg_indexes_size(a_rel) AS CAST(NULL AS BIGINT);
CREATE MACRO ${pg}.pg_total_relation_size(a_rel) AS CAST(NULL AS BIGINT);

-- PostgreSQL's algorithm: bytes below 10 kB; then the value in half units (shifted right one bit
-- less than the unit), shown in the first unit where it stays below 20479, rounded half away from 0.
CREATE MACRO ${pg}.mallard_half_rounded(a_halves) AS
  CASE WHEN a_halves < 0 THEN -((1 - a_halves) // 2) ELSE (a_halves + 1) // 2 END;

CREATE MACRO ${pg}.pg_size_pretty(a_bytes) AS
  CASE WHEN a_bytes IS NULL THEN NULL
    WHEN abs(a_bytes) < 10 * 1024 THEN a_bytes || ' bytes'
    WHEN abs(CAST(a_bytes AS BIGINT) >> 9) < 20479 THEN ${pg}.mallard_half_rounded(CAST(a_bytes AS BIGINT) >> 9) || ' kB'
    WHEN abs(CAST(a_bytes AS BIGINT) >> 19) < 20479 THEN ${pg}.mallard_half_rounded(CAST(a_bytes AS BIGINT) >> 19) || ' MB'
    WHEN abs(CAST(a_bytes AS BIGINT) >> 29) < 20479 THEN ${pg}.mallard_half_rounded(CAST(a_bytes AS BIGINT) >> 29) || ' GB'
    WHEN abs(CAST(a_bytes AS BIGINT) >> 39) < 20479 THEN ${pg}.mallard_half_rounded(CAST(a_bytes AS BIGINT) >> 39) || ' TB'
    ELSE ${pg}.mallard_half_rounded(CAST(a_bytes AS BIGINT) >> 49) || ' PB' END;

-- Objects DuckDB does not have (triggers, statistics objects, publications, partitions): the
-- functions describing them exist so that clients' queries bind, and describe nothing.
CREATE MACRO ${pg}.pg_get_triggerdef(a_trigger_oid) AS CAST(NULL AS VARCHAR), (a_trigger_oid, a_pretty) AS CAST(NULL AS VARCHAR);
CREATE MACRO ${pg}.pg_get_statisticsobjdef_columns(a_stat_oid) AS CAST(NULL AS VARCHAR);
CREATE MACRO ${pg}.pg_get_partkeydef(a_rel_oid) AS CAST(NULL AS VARCHAR);
CREATE MACRO ${pg}.pg_relation_is_publishable(a_rel) AS false;
-- A relation that is not a partition is its own only ancestor.
CREATE MACRO ${pg}.pg_partition_ancestors(a_rel) AS unnest([${pg}.mallard_regclass(a_rel)]);
-- DuckDB applies no WITH ORDINALITY to table macros, so the ordinal (1: the relation itself) is
-- a column of its own, as psql's "WITH ORDINALITY AS a(relid, depth)" expects.
CREATE MACRO ${pg}.pg_partition_ancestors(a_rel) AS TABLE
  SELECT ${pg}.mallard_regclass(a_rel) AS relid, CAST(1 AS BIGINT) AS depth;

-- information_schema's helper for the positions of an array's elements (pgjdbc getPrimaryKeys).
CREATE MACRO ${info}._pg_expandarray(a_arr) AS
  unnest(list_transform(range(len(a_arr)), i -> {'x': a_arr[i + 1], 'n': i + 1}));
