-- What analysts and their tools ask the system catalog: information_schema, pg_catalog and the
-- session's identity functions, all about the fixture's tables.

-- @id information_schema_tables
SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;

-- @id information_schema_columns_of_users
SELECT column_name, data_type, is_nullable, ordinal_position FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'users' ORDER BY ordinal_position;

-- @id information_schema_numeric_precision
SELECT column_name, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'orders' AND data_type = 'numeric' ORDER BY column_name;

-- @id information_schema_schemata
SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('public', 'pg_catalog', 'information_schema') ORDER BY schema_name;

-- @id information_schema_views
CREATE VIEW cat_v1 AS SELECT id FROM users;
SELECT table_name FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name;

-- @id pg_tables
SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename;

-- @id pg_class_join_namespace
SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname;

-- @id pg_attribute_format_type
SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;

-- @id pg_type_by_oid
SELECT oid, typname, typlen FROM pg_type WHERE oid IN (16, 20, 23, 25, 701, 1082, 1114, 1184, 1700) ORDER BY oid;

-- @id pg_type_array_types
SELECT typname, typelem::regtype::text FROM pg_type WHERE typname IN ('_int4', '_text') ORDER BY typname;

-- @id pg_namespace
SELECT nspname FROM pg_namespace WHERE nspname IN ('public', 'pg_catalog', 'information_schema') ORDER BY nspname;

-- @id pg_indexes_of_orders
SELECT indexname FROM pg_indexes WHERE tablename = 'orders' ORDER BY indexname;

-- @id pg_views_after_create
CREATE VIEW cat_v2 AS SELECT 1 AS x;
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname;

-- @id current_schema_and_user
SELECT current_schema(), current_user, session_user, user;

-- @id current_schemas
SELECT current_schemas(false);

-- @id current_database_in_pg_database
SELECT count(*) FROM pg_database WHERE datname = current_database();

-- @id to_regclass
SELECT to_regclass('users') IS NOT NULL AS exists, to_regclass('no_such_table') IS NULL AS missing;

-- @id has_table_privilege
SELECT has_table_privilege('users', 'SELECT'), has_schema_privilege('public', 'USAGE');

-- @id pg_backend_pid_and_uptime
SELECT pg_backend_pid() > 0, pg_postmaster_start_time() < now();

-- @id pg_size_pretty
SELECT pg_size_pretty(1024::bigint), pg_size_pretty(10485760::bigint), pg_size_pretty(123::bigint);

-- @id server_version_num
SELECT current_setting('server_version_num')::int >= 150000 AS recent;

-- @id show_standard_conforming_strings
SHOW standard_conforming_strings;

-- @id show_datestyle
SHOW DateStyle;

-- @id pg_settings_lookup
SELECT name, setting FROM pg_settings WHERE name IN ('standard_conforming_strings', 'server_encoding', 'client_encoding') ORDER BY name;

-- @id format_type_function
SELECT format_type(23, NULL), format_type(1043, 24), format_type(1700, 655366), format_type(1184, NULL);

-- @id regtype_casts
SELECT 'integer'::regtype::oid, 'text'::regtype, 23::regtype;

-- @id pg_proc_exists
SELECT count(*) > 0 FROM pg_proc WHERE proname = 'lower';

-- @id pg_constraint_primary_keys
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'public.order_items'::regclass ORDER BY conname;

-- @id pg_get_viewdef
CREATE VIEW cat_v3 AS SELECT id FROM users WHERE is_active;
SELECT pg_get_viewdef('cat_v3'::regclass) IS NOT NULL;

-- @id obj_description_null_without_comment
SELECT obj_description('users'::regclass, 'pg_class') IS NULL;

-- @id pg_stat_activity_self
SELECT count(*) FROM pg_stat_activity WHERE pid = pg_backend_pid();

-- @id pg_roles_self
SELECT rolname, rolsuper FROM pg_roles WHERE rolname = current_user;
