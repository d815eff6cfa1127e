-- Casts between types, in both the :: and CAST forms, and the types of results.

-- @id cast_text_to_int
SELECT '42'::int, CAST('42' AS integer), ' 42 '::int, '-7'::bigint, '3'::smallint;

-- @id cast_invalid_int_error
SELECT 'abc'::int;

-- @id cast_decimal_text_to_int_error
SELECT '1.5'::int;

-- @id cast_int_to_text
SELECT 42::text, CAST(42 AS varchar), 3.50::text, true::text;

-- @id cast_to_numeric_with_typmod
SELECT 3.14159::numeric(5,2), 2::numeric(5,2), '1.005'::numeric(6,2);

-- @id cast_numeric_default_precision
SELECT 1::numeric, 1.5::numeric, (1::numeric / 3)::text, 12345678901234567890.123::numeric;

-- @id cast_float_to_numeric
SELECT 0.1::float8::numeric, 1e10::float8::numeric, 2.5::real::numeric;

-- @id cast_to_boolean
SELECT 'true'::boolean, 'f'::boolean, 'yes'::boolean, 'off'::boolean, '1'::boolean, 1::boolean, 0::boolean;

-- @id cast_invalid_boolean_error
SELECT 'maybe'::boolean;

-- @id cast_bool_to_int
SELECT true::int, false::int;

-- @id cast_date_timestamp
SELECT '2024-02-29'::date::timestamp, '2024-02-29 13:14:15'::timestamp::date, '2024-02-29'::timestamp::text;

-- @id cast_timestamp_to_timestamptz
SELECT '2024-02-29 13:14:15'::timestamp::timestamptz, '2024-02-29 13:14:15+02'::timestamptz::timestamp;

-- @id cast_text_to_interval
SELECT '1 day 2 hours'::interval, '90 min'::interval, 'P1Y2M3DT4H'::interval, '1:30'::interval;

-- @id cast_uuid
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;

-- @id cast_invalid_uuid_error
SELECT 'not-a-uuid'::uuid;

-- @id result_types_of_literals
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'), pg_typeof(3000000000), pg_typeof(1e3), pg_typeof(true), pg_typeof(NULL);

-- @id result_types_of_arithmetic
SELECT pg_typeof(1 + 1), pg_typeof(1 + 1.5), pg_typeof(1::smallint + 1::smallint), pg_typeof(1::int * 1::bigint), pg_typeof(1::real + 1::float8);

-- @id result_types_of_aggregates
SELECT pg_typeof(count(*)), pg_typeof(sum(quantity)), pg_typeof(sum(total)), pg_typeof(avg(quantity)), pg_typeof(avg(score)), pg_typeof(sum(score)) FROM orders, users, order_items WHERE false;

-- @id cast_column_types
SELECT id::bigint, total::float8, total::int, status::varchar(3), ordered_at::date FROM orders ORDER BY id;

-- @id cast_numeric_to_int_rounding
SELECT 2.5::numeric::int, (-2.5)::numeric::int, 1.49::int;

-- @id cast_text_to_float_forms
SELECT '1e3'::float8, ' 2.5 '::float8, 'inf'::float8, '-0'::float8, '1.7976931348623157e308'::float8;

-- @id cast_text_to_date_formats
SELECT '2024-3-5'::date, '20240305'::date, 'March 5, 2024'::date;

-- @id cast_int_to_bool_where
SELECT count(*) FROM order_items WHERE (quantity - 1)::boolean;

-- @id cast_array_types
SELECT ARRAY[1, 2]::text[], ARRAY['1', '2']::int[], '{1.5,2.5}'::float8[];

-- @id cast_json_text_roundtrip
SELECT '{"a":1}'::json::text, '[1, 2]'::jsonb::text, ('{"x": "y"}'::json ->> 'x')::text;

-- @id cast_int_overflow_error
SELECT 3000000000::int;

-- @id cast_regclass
SELECT 'users'::regclass::text;

-- @id cast_to_char_padding
SELECT CAST('abc' AS char(5)) = 'abc', length(CAST('abc' AS char(5))), CAST('abc' AS char(5))::text || '|';

-- @id type_name_functions
SELECT pg_typeof(ARRAY[1]), pg_typeof(now() - now()), pg_typeof('{}'::json), pg_typeof('a'::varchar), pg_typeof(1::numeric(5,2));

-- @id cast_bigint_text_boundary
SELECT '9223372036854775807'::bigint, '-9223372036854775808'::bigint;

-- @id implicit_cast_in_comparison
SELECT count(*) FROM orders WHERE id = '101';

-- @id implicit_text_number_concat
SELECT 1 || '', 1.5 || 'x', now()::date = current_date;

-- @id date_input_spellings
SELECT '12/31/2023'::date, date '1 Feb 2024', CAST('20240229' AS date);
