-- UNION, INTERSECT, EXCEPT with and without ALL.

-- @id union_distinct
SELECT country FROM users UNION SELECT 'XX';

-- @id union_all_count
SELECT count(*) FROM (SELECT user_id FROM orders UNION ALL SELECT user_id FROM events) t;

-- @id union_ordered
SELECT id, 'order' AS kind FROM orders WHERE id < 104 UNION ALL SELECT id, 'event' FROM events WHERE id < 3 ORDER BY kind, id;

-- @id intersect
SELECT user_id FROM orders INTERSECT SELECT user_id FROM events;

-- @id intersect_all
SELECT status FROM orders WHERE user_id IN (1, 2) INTERSECT ALL SELECT status FROM orders WHERE user_id IN (2, 4);

-- @id except
SELECT user_id FROM orders EXCEPT SELECT user_id FROM events WHERE event_type = 'purchase';

-- @id except_all
SELECT status FROM orders EXCEPT ALL SELECT 'delivered';

-- @id union_type_widening
SELECT 1 AS v UNION ALL SELECT 2.5 UNION ALL SELECT NULL ORDER BY v NULLS FIRST;

-- @id union_column_names_from_first
SELECT id AS first_name FROM users WHERE id = 1 UNION SELECT id FROM products WHERE id = 2 ORDER BY 1;

-- @id union_with_limit_in_parens
(SELECT id FROM orders ORDER BY total DESC, id LIMIT 2) UNION ALL (SELECT id FROM orders ORDER BY total, id LIMIT 2) ORDER BY id;

-- @id set_op_precedence
SELECT 1 UNION SELECT 2 INTERSECT SELECT 2 ORDER BY 1;

-- @id union_null_dedup
SELECT NULL::int AS x UNION SELECT NULL::int;

-- @id except_order_limit
SELECT day FROM calendar EXCEPT SELECT ordered_at::date FROM orders ORDER BY day DESC LIMIT 3;
