-- CREATE, ALTER and DROP of tables, views, schemas and other objects, each used afterwards.
-- Every entry runs in a transaction that is rolled back.

-- @id create_insert_select
CREATE TABLE ddl_t1 (id integer PRIMARY KEY, label text NOT NULL, amount numeric(8,2) DEFAULT 0, created date DEFAULT '2024-01-01');
INSERT INTO ddl_t1 (id, label) VALUES (1, 'a'), (2, 'b');
SELECT * FROM ddl_t1 ORDER BY id;

-- @id create_table_as
CREATE TABLE ddl_t2 AS SELECT user_id, count(*) AS n, sum(total) AS spent FROM orders GROUP BY user_id;
SELECT * FROM ddl_t2 ORDER BY user_id;

-- @id create_table_as_row_count
CREATE TABLE ddl_t3 AS SELECT * FROM users WHERE is_active;

-- @id alter_add_column
CREATE TABLE ddl_t4 (id int);
INSERT INTO ddl_t4 VALUES (1), (2);
ALTER TABLE ddl_t4 ADD COLUMN flag boolean DEFAULT true;
SELECT * FROM ddl_t4 ORDER BY id;

-- @id alter_rename_column
CREATE TABLE ddl_t5 (id int, old_name text);
INSERT INTO ddl_t5 VALUES (1, 'x');
ALTER TABLE ddl_t5 RENAME COLUMN old_name TO new_name;
SELECT id, new_name FROM ddl_t5;

-- @id alter_drop_column
CREATE TABLE ddl_t6 (id int, a text, b text);
INSERT INTO ddl_t6 VALUES (1, 'a', 'b');
ALTER TABLE ddl_t6 DROP COLUMN a;
SELECT * FROM ddl_t6;

-- @id alter_column_type
CREATE TABLE ddl_t7 (id int, v text);
INSERT INTO ddl_t7 VALUES (1, '42');
ALTER TABLE ddl_t7 ALTER COLUMN v TYPE integer USING v::integer;
SELECT v + 1 FROM ddl_t7;

-- @id alter_rename_table
CREATE TABLE ddl_t8 (id int);
ALTER TABLE ddl_t8 RENAME TO ddl_t8_renamed;
SELECT count(*) FROM ddl_t8_renamed;

-- @id drop_then_select_fails
CREATE TABLE ddl_t9 (id int);
DROP TABLE ddl_t9;
SELECT * FROM ddl_t9;

-- @id drop_if_exists_missing
DROP TABLE IF EXISTS ddl_never_created;
SELECT 1 AS still_fine;

-- @id create_duplicate_table_fails
CREATE TABLE ddl_t10 (id int);
CREATE TABLE ddl_t10 (id int);

-- @id create_view_and_select
CREATE VIEW ddl_v1 AS SELECT status, count(*) AS n FROM orders GROUP BY status;
SELECT * FROM ddl_v1 ORDER BY status;

-- @id create_or_replace_view
CREATE VIEW ddl_v2 AS SELECT id FROM users;
CREATE OR REPLACE VIEW ddl_v2 AS SELECT id, name FROM users;
SELECT * FROM ddl_v2 ORDER BY id LIMIT 2;

-- @id drop_view
CREATE VIEW ddl_v3 AS SELECT 1 AS x;
DROP VIEW ddl_v3;
SELECT * FROM ddl_v3;

-- @id view_sees_base_table_changes
CREATE VIEW ddl_v4 AS SELECT count(*) AS n FROM calendar;
INSERT INTO calendar VALUES ('2030-01-01', false, NULL);
SELECT n FROM ddl_v4;

-- @id create_schema_and_qualified_table
CREATE SCHEMA ddl_s1;
CREATE TABLE ddl_s1.things (id int, name text);
INSERT INTO ddl_s1.things VALUES (1, 'thing');
SELECT * FROM ddl_s1.things;

-- @id create_temp_table
CREATE TEMP TABLE ddl_tmp (id int);
INSERT INTO ddl_tmp SELECT id FROM users;
SELECT count(*), sum(id) FROM ddl_tmp;

-- @id create_index_then_query
CREATE INDEX ddl_orders_user_idx ON orders (user_id);
SELECT count(*) FROM orders WHERE user_id = 4;

-- @id identity_column
CREATE TABLE ddl_t11 (id integer GENERATED ALWAYS AS IDENTITY, label text);
INSERT INTO ddl_t11 (label) VALUES ('a'), ('b');
SELECT id, label FROM ddl_t11 ORDER BY id;

-- @id serial_column
CREATE TABLE ddl_t12 (id serial PRIMARY KEY, label text);
INSERT INTO ddl_t12 (label) VALUES ('a'), ('b') RETURNING id;

-- @id sequence_nextval
CREATE SEQUENCE ddl_seq1 START 10 INCREMENT 5;
SELECT nextval('ddl_seq1'), nextval('ddl_seq1');

-- @id enum_type
CREATE TYPE ddl_mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE ddl_t13 (m ddl_mood);
INSERT INTO ddl_t13 VALUES ('happy'), ('sad'), ('ok');
SELECT m FROM ddl_t13 ORDER BY m;

-- @id check_constraint_violation
CREATE TABLE ddl_t14 (qty int CHECK (qty > 0));
INSERT INTO ddl_t14 VALUES (0);

-- @id foreign_key_violation
CREATE TABLE ddl_parent (id int PRIMARY KEY);
CREATE TABLE ddl_child (parent_id int REFERENCES ddl_parent (id));
INSERT INTO ddl_child VALUES (1);

-- @id materialized_view
CREATE MATERIALIZED VIEW ddl_mv1 AS SELECT status, sum(total) AS revenue FROM orders GROUP BY status;
SELECT * FROM ddl_mv1 ORDER BY status;

-- @id comment_on_table
CREATE TABLE ddl_t15 (id int);
COMMENT ON TABLE ddl_t15 IS 'a table';
SELECT obj_description('ddl_t15'::regclass, 'pg_class');

-- @id information_schema_columns
CREATE TABLE ddl_t16 (id integer, label text, amount numeric(8,2), created_at timestamp);
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ddl_t16' ORDER BY ordinal_position;

-- @id pg_class_lookup
CREATE TABLE ddl_t17 (id int);
SELECT relname, relkind FROM pg_class WHERE relname = 'ddl_t17';

-- @id drop_table_cascade_view
CREATE TABLE ddl_t18 (id int);
CREATE VIEW ddl_v18 AS SELECT * FROM ddl_t18;
DROP TABLE ddl_t18 CASCADE;
SELECT * FROM ddl_v18;

-- @id drop_table_with_dependent_view_fails
CREATE TABLE ddl_t19 (id int);
CREATE VIEW ddl_v19 AS SELECT * FROM ddl_t19;
DROP TABLE ddl_t19;

-- @id generated_column
CREATE TABLE ddl_t20 (a int, b int GENERATED ALWAYS AS (a * 2) STORED);
INSERT INTO ddl_t20 (a) VALUES (1), (5);
SELECT a, b FROM ddl_t20 ORDER BY a;

-- @id materialized_view_drop
CREATE MATERIALIZED VIEW ddl_mv2 AS SELECT id, total FROM orders WITH DATA;
SELECT count(*) FROM ddl_mv2;
DROP MATERIALIZED VIEW ddl_mv2;
SELECT count(*) FROM ddl_mv2;
