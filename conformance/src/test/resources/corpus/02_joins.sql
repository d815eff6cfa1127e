-- Join types, join conditions, self joins and lateral joins.

-- @id inner_join_on
SELECT o.id, u.name, o.total FROM orders o JOIN users u ON u.id = o.user_id ORDER BY o.id;

-- @id inner_join_using
SELECT order_id, line_no, p.name FROM order_items JOIN products p ON p.id = order_items.product_id ORDER BY order_id, line_no;

-- @id join_using_clause
SELECT day, is_holiday FROM calendar JOIN (SELECT DISTINCT ordered_at::date AS day FROM orders) d USING (day) ORDER BY day;

-- @id natural_join
SELECT * FROM (SELECT id, name FROM users) a NATURAL JOIN (SELECT id, country FROM users) b ORDER BY id;

-- @id left_join_nulls
SELECT u.id, u.name, o.id AS order_id FROM users u LEFT JOIN orders o ON o.user_id = u.id ORDER BY u.id, o.id;

-- @id left_join_anti
SELECT u.id, u.name FROM users u LEFT JOIN events e ON e.user_id = u.id AND e.event_type = 'purchase' WHERE e.id IS NULL ORDER BY u.id;

-- @id left_join_condition_in_on
SELECT u.id, count(o.id) AS big_orders FROM users u LEFT JOIN orders o ON o.user_id = u.id AND o.total > 100 GROUP BY u.id ORDER BY u.id;

-- @id right_join
SELECT p.name, oi.order_id FROM order_items oi RIGHT JOIN products p ON p.id = oi.product_id WHERE oi.order_id IS NULL OR oi.order_id < 103 ORDER BY p.name, oi.order_id;

-- @id full_join
SELECT c.day, o.id FROM calendar c FULL JOIN orders o ON o.ordered_at::date = c.day WHERE c.day IS NULL OR o.id IS NULL OR c.day < '2023-06-01' ORDER BY c.day NULLS LAST, o.id;

-- @id full_join_coalesce_key
SELECT coalesce(a.k, b.k) AS k, a.v AS av, b.v AS bv FROM (VALUES (1, 'a'), (2, 'b')) a(k, v) FULL OUTER JOIN (VALUES (2, 'x'), (3, 'y')) b(k, v) ON a.k = b.k ORDER BY k;

-- @id cross_join_count
SELECT count(*) FROM users CROSS JOIN products;

-- @id cross_join_comma
SELECT u.id, c.day FROM users u, calendar c WHERE u.signup_date = c.day ORDER BY u.id;

-- @id self_join_referrer
SELECT u.name, r.name AS referred_by FROM users u JOIN users r ON r.id = u.referrer_id ORDER BY u.name;

-- @id self_join_left_referrer
SELECT u.id, r.name AS referred_by FROM users u LEFT JOIN users r ON r.id = u.referrer_id ORDER BY u.id;

-- @id three_way_join
SELECT u.name, p.name AS product, oi.quantity FROM users u JOIN orders o ON o.user_id = u.id JOIN order_items oi ON oi.order_id = o.id JOIN products p ON p.id = oi.product_id WHERE u.id IN (1, 4) ORDER BY u.name, o.id, oi.line_no;

-- @id non_equi_join
SELECT o.id, c.day FROM orders o JOIN calendar c ON c.day BETWEEN o.ordered_at::date - 1 AND o.ordered_at::date + 1 ORDER BY o.id, c.day;

-- @id join_on_true
SELECT count(*) FROM calendar a JOIN calendar b ON true;

-- @id lateral_top_order_per_user
SELECT u.id, t.id AS order_id, t.total FROM users u CROSS JOIN LATERAL (SELECT id, total FROM orders o WHERE o.user_id = u.id ORDER BY total DESC, id LIMIT 1) t ORDER BY u.id;

-- @id left_lateral_on_true
SELECT u.id, t.n FROM users u LEFT JOIN LATERAL (SELECT count(*) AS n FROM events e WHERE e.user_id = u.id AND e.event_type = 'click') t ON true ORDER BY u.id;

-- @id lateral_comma
SELECT p.id, x.doubled FROM products p, LATERAL (SELECT p.price * 2 AS doubled) x ORDER BY p.id;

-- @id join_with_aggregate_subquery
SELECT u.name, s.spent FROM users u JOIN (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id) s ON s.user_id = u.id ORDER BY s.spent DESC, u.name;

-- @id semi_join_exists
SELECT p.id FROM products p WHERE EXISTS (SELECT 1 FROM order_items oi WHERE oi.product_id = p.id) ORDER BY p.id;

-- @id anti_join_not_exists
SELECT p.id FROM products p WHERE NOT EXISTS (SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = p.id AND o.ordered_at >= '2024-01-01') ORDER BY p.id;

-- @id join_null_keys_never_match
SELECT count(*) FROM users a JOIN users b ON a.country = b.country WHERE a.country IS NULL;

-- @id join_is_not_distinct_from
SELECT count(*) FROM users a JOIN users b ON a.country IS NOT DISTINCT FROM b.country WHERE a.country IS NULL;

-- @id join_unnest_values
SELECT u.id, t.tag FROM users u CROSS JOIN LATERAL unnest(u.tags) AS t(tag) ORDER BY u.id, t.tag;

-- @id generate_series_join
SELECT d::date AS day, count(o.id) AS orders FROM generate_series('2023-03-01'::date, '2023-03-05'::date, interval '1 day') d LEFT JOIN orders o ON o.ordered_at::date = d::date GROUP BY d ORDER BY d;
