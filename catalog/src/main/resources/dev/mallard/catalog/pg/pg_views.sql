-- pg_catalog's convenience views (pg_tables, pg_views, pg_indexes, pg_sequences, statistics).

CREATE VIEW ${pg}.pg_tables AS
SELECT n.nspname AS schemaname, c.relname AS tablename, ${pg}.pg_get_userbyid(c.relowner) AS tableowner,
       CAST(NULL AS VARCHAR) AS tablespace, c.relhasindex AS hasindexes, false AS hasrules,
       false AS hastriggers, false AS rowsecurity
FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r';

CREATE VIEW ${pg}.pg_views AS
SELECT n.nspname AS schemaname, c.relname AS viewname, ${pg}.pg_get_userbyid(c.relowner) AS viewowner,
       ${pg}.pg_get_viewdef(c.oid) AS definition
FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'v';

CREATE VIEW ${pg}.pg_indexes AS
SELECT ${pg}.mallard_nspname(i.schema_name) AS schemaname, i.table_name AS tablename,
       i.indexname, CAST(NULL AS VARCHAR) AS tablespace, ${pg}.pg_get_indexdef(i.indexrelid) AS indexdef
FROM ${pg}.mallard_indexes i;

CREATE VIEW ${pg}.pg_sequence AS
SELECT ${pg}.mallard_oid('S', schema_name, sequence_name) AS seqrelid, 20 AS seqtypid,
       start_value AS seqstart, increment_by AS seqincrement, max_value AS seqmax,
       min_value AS seqmin, 1 AS seqcache, cycle AS seqcycle
FROM ${pg}.mallard_duck_sequences;

CREATE VIEW ${pg}.pg_sequences AS
SELECT ${pg}.mallard_nspname(schema_name) AS schemaname, sequence_name AS sequencename,
       ${pg}.pg_get_userbyid(10) AS sequenceowner, 'bigint' AS data_type, start_value,
       min_value, max_value, increment_by, cycle, 1 AS cache_size, last_value
FROM ${pg}.mallard_duck_sequences;

-- DuckDB keeps no access statistics; the row estimate is its own.
CREATE VIEW ${pg}.pg_stat_user_tables AS
SELECT c.oid AS relid, n.nspname AS schemaname, c.relname, 0 AS seq_scan, 0 AS seq_tup_read,
       0 AS idx_scan, 0 AS idx_tup_fetch, 0 AS n_tup_ins, 0 AS n_tup_upd, 0 AS n_tup_del,
       0 AS n_tup_hot_upd, CAST(c.reltuples AS BIGINT) AS n_live_tup, 0 AS n_dead_tup,
       0 AS n_mod_since_analyze, 0 AS n_ins_since_vacuum, CAST(NULL AS TIMESTAMPTZ) AS last_vacuum,
       CAST(NULL AS TIMESTAMPTZ) AS last_autovacuum, CAST(NULL AS TIMESTAMPTZ) AS last_analyze,
       CAST(NULL AS TIMESTAMPTZ) AS last_autoanalyze, 0 AS vacuum_count, 0 AS autovacuum_count,
       0 AS analyze_count, 0 AS autoanalyze_count
FROM ${pg}.pg_class c JOIN ${pg}.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema');
