-- Aggregates, GROUP BY, HAVING, FILTER, DISTINCT, ordered-set aggregates and grouping sets.

-- @id count_star
SELECT count(*) FROM orders;

-- @id count_column_skips_nulls
SELECT count(email), count(country), count(score), count(*) FROM users;

-- @id count_distinct
SELECT count(DISTINCT country) FROM users;

-- @id sum_numeric
SELECT sum(total) FROM orders;

-- @id sum_integer
SELECT sum(quantity) FROM order_items;

-- @id sum_bigint
SELECT sum(id) FROM events;

-- @id avg_numeric
SELECT avg(total) FROM orders;

-- @id avg_integer
SELECT avg(quantity) FROM order_items;

-- @id avg_double
SELECT avg(score) FROM users;

-- @id min_max_mixed
SELECT min(total), max(total), min(ordered_at), max(status), min(signup_date) FROM orders, users WHERE users.id = orders.user_id;

-- @id aggregates_on_empty_input
SELECT count(*), sum(total), avg(total), max(total), bool_and(total > 0) FROM orders WHERE false;

-- @id group_by_one_column
SELECT status, count(*) AS n, sum(total) AS revenue FROM orders GROUP BY status ORDER BY status;

-- @id group_by_ordinal
SELECT country, count(*) FROM users GROUP BY 1 ORDER BY 1 NULLS FIRST;

-- @id group_by_expression
SELECT date_trunc('month', ordered_at) AS month, count(*) FROM orders GROUP BY date_trunc('month', ordered_at) ORDER BY month;

-- @id group_by_alias
SELECT extract(year FROM ordered_at) AS yr, count(*) AS n FROM orders GROUP BY yr ORDER BY yr;

-- @id group_by_null_group
SELECT category, count(*) FROM products GROUP BY category;

-- @id having_filter
SELECT user_id, count(*) FROM orders GROUP BY user_id HAVING count(*) > 1 ORDER BY user_id;

-- @id having_without_group_by
SELECT sum(total) FROM orders HAVING sum(total) > 1000;

-- @id filter_clause
SELECT count(*) FILTER (WHERE status = 'delivered') AS delivered, count(*) FILTER (WHERE status <> 'delivered') AS other, sum(total) FILTER (WHERE discount IS NOT NULL) AS discounted_revenue FROM orders;

-- @id filter_clause_grouped
SELECT user_id, count(*) FILTER (WHERE total > 50) AS big, avg(total) FILTER (WHERE total > 50) AS big_avg FROM orders GROUP BY user_id ORDER BY user_id;

-- @id sum_distinct
SELECT sum(DISTINCT unit_price), count(DISTINCT product_id) FROM order_items;

-- @id string_agg_ordered
SELECT string_agg(name, ', ' ORDER BY name) FROM users WHERE country = 'US';

-- @id string_agg_grouped
SELECT category, string_agg(sku, '|' ORDER BY sku DESC) AS skus FROM products GROUP BY category ORDER BY category NULLS LAST;

-- @id array_agg_ordered
SELECT user_id, array_agg(id ORDER BY id) AS order_ids FROM orders GROUP BY user_id ORDER BY user_id;

-- @id array_agg_distinct
SELECT array_agg(DISTINCT status ORDER BY status) FROM orders;

-- @id bool_and_or
SELECT country, bool_and(is_active), bool_or(is_active) FROM users GROUP BY country ORDER BY country NULLS FIRST;

-- @id every_aggregate
SELECT every(price > 0) FROM products;

-- @id stddev_variance
SELECT stddev(score), stddev_pop(score), variance(score), var_pop(score) FROM users;

-- @id stddev_numeric
SELECT round(stddev_samp(total), 6), round(var_samp(total), 6) FROM orders;

-- @id corr_regr
SELECT corr(quantity, unit_price), covar_pop(quantity, unit_price), regr_slope(unit_price, quantity) FROM order_items;

-- @id percentile_cont
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total) FROM orders;

-- @id percentile_disc
SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY total) FROM orders;

-- @id percentile_cont_array
SELECT percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY score) FROM users;

-- @id mode_aggregate
SELECT mode() WITHIN GROUP (ORDER BY status) FROM orders;

-- @id count_by_bool
SELECT is_active, count(*) FROM users GROUP BY is_active ORDER BY is_active;

-- @id grouping_sets
SELECT status, extract(year FROM ordered_at) AS yr, count(*) FROM orders GROUP BY GROUPING SETS ((status), (extract(year FROM ordered_at)), ()) ORDER BY status NULLS LAST, yr NULLS LAST;

-- @id rollup
SELECT category, discontinued, count(*), sum(price) FROM products GROUP BY ROLLUP (category, discontinued) ORDER BY category NULLS LAST, discontinued NULLS LAST, count(*);

-- @id cube
SELECT status, discount IS NOT NULL AS has_discount, count(*) FROM orders GROUP BY CUBE (status, discount IS NOT NULL) ORDER BY 1 NULLS LAST, 2 NULLS LAST;

-- @id grouping_function
SELECT category, grouping(category) AS g, count(*) FROM products GROUP BY ROLLUP (category) ORDER BY g, category NULLS LAST;

-- @id aggregate_of_expression
SELECT sum(quantity * unit_price) AS revenue FROM order_items;

-- @id aggregate_case
SELECT sum(CASE WHEN status = 'delivered' THEN total ELSE 0 END) AS delivered_revenue FROM orders;

-- @id count_distinct_multiple
SELECT count(DISTINCT user_id), count(DISTINCT status), count(DISTINCT date_trunc('year', ordered_at)) FROM orders;

-- @id nested_aggregate_subquery
SELECT avg(n) FROM (SELECT user_id, count(*) AS n FROM orders GROUP BY user_id) per_user;

-- @id max_of_text
SELECT max(name), min(name) FROM users;

-- @id json_agg
SELECT json_agg(id ORDER BY id) FROM orders WHERE user_id = 1;

-- @id json_object_agg
SELECT json_object_agg(status, n ORDER BY status) FROM (SELECT status, count(*) AS n FROM orders GROUP BY status) s;

-- @id bit_and_or
SELECT bit_and(quantity), bit_or(quantity) FROM order_items;

-- @id sum_of_bigints_overflowing_int
SELECT sum(i) FROM edge_values WHERE i > 0;

-- @id avg_of_edge_numeric
SELECT avg(n), sum(n) FROM edge_values;

-- @id group_by_having_alias_expression
SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id HAVING sum(total) >= 100 ORDER BY spent DESC, user_id;

-- @id avg_distinct_and_filter
SELECT avg(DISTINCT quantity), avg(quantity) FILTER (WHERE quantity > 1) FROM order_items;
