-- Scalar, IN, EXISTS, ANY/ALL and correlated subqueries; derived tables.

-- @id scalar_subquery_in_select
SELECT id, total, (SELECT max(total) FROM orders) AS max_total FROM orders ORDER BY id;

-- @id scalar_subquery_correlated
SELECT u.id, (SELECT count(*) FROM orders o WHERE o.user_id = u.id) AS n FROM users u ORDER BY u.id;

-- @id scalar_subquery_correlated_null
SELECT u.id, (SELECT max(o.total) FROM orders o WHERE o.user_id = u.id) AS best FROM users u ORDER BY u.id;

-- @id scalar_subquery_in_where
SELECT id FROM orders WHERE total > (SELECT avg(total) FROM orders) ORDER BY id;

-- @id scalar_subquery_more_than_one_row
SELECT (SELECT id FROM orders WHERE user_id = 1);

-- @id in_subquery
SELECT name FROM users WHERE id IN (SELECT user_id FROM orders WHERE total > 100) ORDER BY name;

-- @id not_in_subquery
SELECT name FROM users WHERE id NOT IN (SELECT user_id FROM orders WHERE status = 'delivered') ORDER BY name;

-- @id not_in_subquery_with_null
SELECT count(*) FROM users WHERE id NOT IN (SELECT referrer_id FROM users);

-- @id in_subquery_with_null_matches
SELECT count(*) FROM users WHERE id IN (SELECT referrer_id FROM users);

-- @id exists_correlated
SELECT u.name FROM users u WHERE EXISTS (SELECT 1 FROM events e WHERE e.user_id = u.id AND e.event_type = 'purchase') ORDER BY u.name;

-- @id not_exists_correlated
SELECT u.name FROM users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.status = 'delivered') ORDER BY u.name;

-- @id any_comparison
SELECT id FROM products WHERE price > ANY (SELECT total FROM orders WHERE status = 'pending') ORDER BY id;

-- @id all_comparison
SELECT id FROM products WHERE price >= ALL (SELECT unit_price FROM order_items WHERE order_id < 110) ORDER BY id;

-- @id any_array
SELECT id FROM orders WHERE user_id = ANY (ARRAY[1, 4, 7]) ORDER BY id;

-- @id all_array_empty
SELECT count(*) FROM orders WHERE total > ALL ('{}'::numeric[]);

-- @id correlated_above_average_per_user
SELECT o.id FROM orders o WHERE o.total > (SELECT avg(o2.total) FROM orders o2 WHERE o2.user_id = o.user_id) ORDER BY o.id;

-- @id derived_table
SELECT t.country, t.n FROM (SELECT country, count(*) AS n FROM users GROUP BY country) t WHERE t.n > 1 ORDER BY t.country;

-- @id derived_table_without_alias
SELECT count(*) FROM (SELECT 1 FROM users);

-- @id subquery_in_case
SELECT id, CASE WHEN EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = o.id AND oi.quantity > 1) THEN 'multi' ELSE 'single' END AS kind FROM orders o ORDER BY id;

-- @id subquery_in_order_by
SELECT u.name FROM users u ORDER BY (SELECT count(*) FROM events e WHERE e.user_id = u.id) DESC, u.name;

-- @id subquery_returning_row
SELECT (SELECT min(day) FROM calendar WHERE is_holiday), (SELECT max(day) FROM calendar WHERE is_holiday);

-- @id in_subquery_tuple
SELECT id FROM orders WHERE (user_id, ordered_at::date) IN (SELECT user_id, occurred_at::date FROM events WHERE event_type = 'purchase') ORDER BY id;

-- @id lateral_alternative_correlated_array
SELECT u.id, ARRAY(SELECT o.id FROM orders o WHERE o.user_id = u.id ORDER BY o.id) AS ids FROM users u ORDER BY u.id;
