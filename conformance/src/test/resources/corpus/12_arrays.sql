-- Arrays: literals, constructors, subscripts, functions and operators.

-- @id array_constructor
SELECT ARRAY[1, 2, 3], ARRAY['a', 'b'], ARRAY[1.5, 2.25];

-- @id array_literal_string
SELECT '{1,2,3}'::int[], '{a,b,"c d"}'::text[];

-- @id array_column_output
SELECT id, tags FROM users ORDER BY id;

-- @id array_subscript
SELECT id, tags[1] AS first_tag, tags[2] AS second_tag FROM users ORDER BY id;

-- @id array_slice
SELECT (ARRAY[10, 20, 30, 40])[2:3], (ARRAY[10, 20, 30, 40])[:2];

-- @id array_length_cardinality
SELECT id, array_length(tags, 1), cardinality(tags) FROM users ORDER BY id;

-- @id array_upper_lower
SELECT array_lower(ARRAY[1, 2, 3], 1), array_upper(ARRAY[1, 2, 3], 1), array_ndims(ARRAY[1, 2]);

-- @id array_contains_operator
SELECT id FROM users WHERE tags @> ARRAY['beta'] ORDER BY id;

-- @id array_overlap_operator
SELECT id FROM users WHERE tags && ARRAY['admin', 'early'] ORDER BY id;

-- @id any_on_array_column
SELECT id FROM users WHERE 'early' = ANY (tags) ORDER BY id;

-- @id array_append_prepend_cat
SELECT array_append(ARRAY[1, 2], 3), array_prepend(0, ARRAY[1, 2]), array_cat(ARRAY[1], ARRAY[2, 3]), ARRAY[1, 2] || 3, ARRAY[1] || ARRAY[2];

-- @id array_position_remove
SELECT array_position(ARRAY['a', 'b', 'c'], 'b'), array_remove(ARRAY[1, 2, 1, 3], 1), array_replace(ARRAY[1, 2, 1], 1, 9);

-- @id unnest_simple
SELECT unnest(ARRAY[3, 1, 2]) AS v;

-- @id unnest_with_ordinality
SELECT t.v, t.i FROM unnest(ARRAY['x', 'y', 'z']) WITH ORDINALITY AS t(v, i) ORDER BY t.i;

-- @id unnest_group_count
SELECT tag, count(*) FROM (SELECT unnest(tags) AS tag FROM users) t GROUP BY tag ORDER BY tag;

-- @id array_equality
SELECT ARRAY[1, 2] = ARRAY[1, 2], ARRAY[1, 2] < ARRAY[1, 3], ARRAY[1, NULL] = ARRAY[1, NULL];

-- @id array_of_nulls_output
SELECT ARRAY[NULL, 'a'], ARRAY[NULL::int, 1];

-- @id array_text_with_special_chars
SELECT ARRAY['a,b', 'c"d', 'e f', '', 'NULL'];

-- @id multidimensional_array
SELECT ARRAY[[1, 2], [3, 4]], (ARRAY[[1, 2], [3, 4]])[2][1];

-- @id array_to_string_null_replacement
SELECT array_to_string(ARRAY['a', NULL, 'c'], ',', '*');

-- @id array_subscript_out_of_range
SELECT (ARRAY[1, 2, 3])[5] IS NULL, (ARRAY[1, 2, 3])[0] IS NULL;

-- @id array_agg_then_subscript
SELECT (array_agg(name ORDER BY score DESC NULLS LAST))[1] AS top FROM users;

-- @id empty_array
SELECT ARRAY[]::integer[], cardinality(ARRAY[]::integer[]), array_length(ARRAY[]::integer[], 1);

-- @id array_dims
SELECT array_dims(ARRAY[1, 2, 3]), array_dims(ARRAY[[1], [2]]);

-- @id array_prepend_operator
SELECT 0 || ARRAY[1, 2], ARRAY['a'] || 'b'::text;
