-- NULL semantics: three-valued logic, NULL-aware functions and predicates.

-- @id three_valued_and_or
SELECT NULL AND true, NULL AND false, NULL OR true, NULL OR false, NOT NULL::boolean;

-- @id null_comparisons
SELECT NULL = NULL, NULL <> 1, NULL IS NULL, 1 IS NOT NULL, NULL::int IN (1, 2), 1 IN (1, NULL), 3 IN (1, NULL), 3 NOT IN (1, NULL);

-- @id is_distinct_from
SELECT 1 IS DISTINCT FROM NULL, NULL IS DISTINCT FROM NULL, 1 IS NOT DISTINCT FROM 1, NULL IS NOT DISTINCT FROM NULL;

-- @id is_distinct_from_columns
SELECT a.id, b.id FROM users a JOIN users b ON a.id < b.id AND a.score IS NOT DISTINCT FROM b.score ORDER BY a.id, b.id;

-- @id coalesce
SELECT id, coalesce(email, 'none') AS email, coalesce(score, -1) AS score, coalesce(NULL, NULL, 3) AS third FROM users ORDER BY id;

-- @id nullif
SELECT id, nullif(email, '') AS email, nullif(score, 0) AS score FROM users ORDER BY id;

-- @id nullif_avoids_division_by_zero
SELECT id, total / nullif(quantity - 1, 0) AS x FROM order_items JOIN orders ON orders.id = order_id ORDER BY order_id, line_no;

-- @id null_in_arithmetic
SELECT 1 + NULL, NULL * 0, NULL::text || 'a', length(NULL);

-- @id null_in_aggregates
SELECT sum(score), avg(score), count(score), max(score), min(score) FROM users WHERE score IS NULL;

-- @id is_true_false_unknown
SELECT id, (score > 70) IS TRUE AS t, (score > 70) IS NOT FALSE AS nf, (score > 70) IS UNKNOWN AS u FROM users ORDER BY id;

-- @id null_in_case
SELECT id, CASE WHEN score > 80 THEN 'high' WHEN score <= 80 THEN 'low' ELSE 'unknown' END AS band FROM users ORDER BY id;

-- @id null_group_and_count
SELECT country IS NULL AS missing, count(*) FROM users GROUP BY 1 ORDER BY 1;

-- @id null_distinct
SELECT DISTINCT referrer_id FROM users ORDER BY referrer_id NULLS FIRST;

-- @id null_in_order_default
SELECT id, score FROM users ORDER BY score, id;

-- @id null_in_order_desc_default
SELECT id, score FROM users ORDER BY score DESC, id;

-- @id nulls_first_last
SELECT id, score FROM users ORDER BY score ASC NULLS FIRST, id;

-- @id nulls_last_desc
SELECT id, score FROM users ORDER BY score DESC NULLS LAST, id;

-- @id null_typed_columns
SELECT NULL::int AS i, NULL::text AS t, NULL::date AS d, NULL::boolean AS b, NULL::numeric AS n;

-- @id coalesce_type_resolution
SELECT coalesce(discount, 0) FROM orders ORDER BY id;

-- @id null_safe_string_functions
SELECT upper(NULL), concat(NULL), coalesce(NULL::text, ''), array_length(NULL::int[], 1);

-- @id not_in_empty_and_null_sets
SELECT 1 NOT IN (SELECT 2 WHERE false), NULL::int NOT IN (SELECT 2 WHERE false);

-- @id count_distinct_ignores_null
SELECT count(DISTINCT referrer_id), count(DISTINCT coalesce(referrer_id, 0)) FROM users;

-- @id greatest_with_null
SELECT greatest(1, NULL, 3), least(NULL::int, NULL), greatest(NULL::int);

-- @id null_equality_in_where
SELECT count(*) FROM users WHERE country = NULL;
