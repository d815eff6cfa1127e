-- Common table expressions, including recursive ones.

-- @id simple_cte
WITH big AS (SELECT * FROM orders WHERE total > 100) SELECT id, total FROM big ORDER BY id;

-- @id chained_ctes
WITH per_user AS (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id), ranked AS (SELECT user_id, spent, rank() OVER (ORDER BY spent DESC) AS r FROM per_user) SELECT u.name, r.spent, r.r FROM ranked r JOIN users u ON u.id = r.user_id WHERE r.r <= 3 ORDER BY r.r, u.name;

-- @id cte_referenced_twice
WITH s AS (SELECT status, count(*) AS n FROM orders GROUP BY status) SELECT a.status, a.n, b.total_n FROM s a CROSS JOIN (SELECT sum(n) AS total_n FROM s) b ORDER BY a.status;

-- @id cte_column_list
WITH t(a, b) AS (VALUES (1, 2), (3, 4)) SELECT a + b AS s FROM t ORDER BY s;

-- @id cte_materialized
WITH t AS MATERIALIZED (SELECT id FROM users WHERE is_active) SELECT count(*) FROM t;

-- @id cte_not_materialized
WITH t AS NOT MATERIALIZED (SELECT id FROM users WHERE is_active) SELECT count(*) FROM t;

-- @id recursive_counter
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT sum(i), count(*) FROM n;

-- @id recursive_referral_chain
WITH RECURSIVE chain AS (SELECT id, name, referrer_id, 0 AS depth FROM users WHERE referrer_id IS NULL UNION ALL SELECT u.id, u.name, u.referrer_id, c.depth + 1 FROM users u JOIN chain c ON u.referrer_id = c.id) SELECT id, name, depth FROM chain ORDER BY id;

-- @id recursive_path_string
WITH RECURSIVE chain AS (SELECT id, name::text AS path FROM users WHERE referrer_id IS NULL UNION ALL SELECT u.id, c.path || ' > ' || u.name FROM users u JOIN chain c ON u.referrer_id = c.id) SELECT id, path FROM chain ORDER BY id;

-- @id recursive_dates
WITH RECURSIVE days AS (SELECT date '2024-02-26' AS d UNION ALL SELECT (d + 1)::date FROM days WHERE d < date '2024-03-02') SELECT d, extract(dow FROM d) AS dow FROM days ORDER BY d;

-- @id recursive_fibonacci
WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0::bigint, 1::bigint UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 50) SELECT n, a FROM fib ORDER BY n DESC LIMIT 3;

-- @id recursive_union_distinct
WITH RECURSIVE r(x) AS (SELECT 1 UNION SELECT (x % 3) + 1 FROM r) SELECT x FROM r ORDER BY x;

-- @id cte_in_subquery
SELECT name FROM users WHERE id IN (WITH buyers AS (SELECT DISTINCT user_id FROM orders WHERE status = 'delivered') SELECT user_id FROM buyers) ORDER BY name;

-- @id cte_shadowing_table
WITH users AS (SELECT 1 AS id, 'shadow' AS name) SELECT id, name FROM users;

-- @id cte_with_window_and_filter
WITH monthly AS (SELECT date_trunc('month', ordered_at) AS m, sum(total) AS revenue FROM orders GROUP BY 1) SELECT m, revenue, revenue - lag(revenue) OVER (ORDER BY m) AS change FROM monthly ORDER BY m;

-- @id recursive_search_depth_first
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SEARCH DEPTH FIRST BY n SET ord SELECT n FROM t ORDER BY ord;

-- @id recursive_search_breadth_first
WITH RECURSIVE chain(id, referrer_id) AS (SELECT id, referrer_id FROM users WHERE referrer_id IS NULL UNION ALL SELECT u.id, u.referrer_id FROM users u JOIN chain c ON u.referrer_id = c.id) SEARCH BREADTH FIRST BY id SET ord SELECT id, referrer_id FROM chain ORDER BY ord;
