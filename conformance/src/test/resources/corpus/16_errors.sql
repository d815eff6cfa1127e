-- Statements PostgreSQL rejects: Mallard must raise the same SQLSTATE.

-- @id undefined_table
SELECT * FROM no_such_table;

-- @id undefined_column
SELECT no_such_column FROM users;

-- @id undefined_function
SELECT no_such_function(1);

-- @id syntax_error
SELECT FROM WHERE;

-- @id syntax_error_trailing
SELECT 1 +;

-- @id ambiguous_column
SELECT id FROM users JOIN orders ON users.id = orders.user_id;

-- @id grouping_error
SELECT name, count(*) FROM users;

-- @id where_not_boolean
SELECT 1 FROM users WHERE 1;

-- @id order_by_position_out_of_range
SELECT id FROM users ORDER BY 2;

-- @id aggregate_in_where
SELECT id FROM orders WHERE sum(total) > 10;

-- @id window_in_where
SELECT id FROM orders WHERE row_number() OVER () = 1;

-- @id cannot_cast_boolean_to_date
SELECT true::date;

-- @id operator_does_not_exist
SELECT 'a'::text + 1;

-- @id wrong_argument_count
SELECT length('a', 'b', 'c');

-- @id date_trunc_unknown_unit
SELECT date_trunc('fortnight', timestamp '2024-01-01');

-- @id extract_unknown_field
SELECT extract(fortnight FROM date '2024-01-01');

-- @id union_column_count_mismatch
SELECT 1, 2 UNION SELECT 1;

-- @id union_type_mismatch
SELECT 1 UNION SELECT 'a'::text;

-- @id subquery_missing_alias_column
SELECT t.x FROM (SELECT 1 AS y) t;

-- @id undefined_schema
SELECT * FROM nosuchschema.users;

-- @id recursive_reference_in_non_recursive_term
WITH RECURSIVE r(n) AS (SELECT n FROM r UNION ALL SELECT 1) SELECT * FROM r;

-- @id invalid_regex
SELECT 'a' ~ '(';

-- @id array_subscript_on_non_array
SELECT (1)[1];

-- @id string_too_long_for_varchar
CREATE TEMP TABLE err_varchar (v varchar(3));
INSERT INTO err_varchar VALUES ('abcdef');

-- @id having_without_aggregate_reference
SELECT id FROM users HAVING count(*) > 1;

-- @id division_by_zero_aggregate
SELECT sum(total) / 0 FROM orders;

-- @id error_then_aborted_transaction
SELECT 1 / 0;
SELECT 1;

-- @id invalid_interval
SELECT interval '1 fortnight';

-- @id invalid_json_path
SELECT '{"a": 1}'::json #> 'a';

-- @id null_value_into_not_null
INSERT INTO users (id, name, signup_date, is_active) VALUES (100, NULL, '2024-01-01', true);

-- @id duplicate_key
INSERT INTO users (id, name, signup_date, is_active) VALUES (1, 'Dup', '2024-01-01', true);
