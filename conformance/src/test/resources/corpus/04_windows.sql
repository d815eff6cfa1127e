-- Window functions: ranking, offsets, running aggregates and frames.

-- @id row_number_global
SELECT id, row_number() OVER (ORDER BY total DESC, id) AS rn FROM orders ORDER BY id;

-- @id row_number_partition
SELECT user_id, id, row_number() OVER (PARTITION BY user_id ORDER BY ordered_at) AS nth FROM orders ORDER BY user_id, nth;

-- @id rank_dense_rank
SELECT id, total, rank() OVER (ORDER BY total DESC) AS r, dense_rank() OVER (ORDER BY total DESC) AS dr FROM orders ORDER BY total DESC, id;

-- @id percent_rank_cume_dist
SELECT id, percent_rank() OVER (ORDER BY price) AS pr, cume_dist() OVER (ORDER BY price) AS cd FROM products ORDER BY id;

-- @id ntile
SELECT id, ntile(4) OVER (ORDER BY id) AS quartile FROM orders ORDER BY id;

-- @id lag_lead
SELECT id, total, lag(total) OVER (ORDER BY id) AS prev, lead(total) OVER (ORDER BY id) AS next FROM orders ORDER BY id;

-- @id lag_with_offset_default
SELECT id, lag(total, 2, 0) OVER (ORDER BY id) AS prev2 FROM orders ORDER BY id;

-- @id lead_partitioned
SELECT user_id, id, lead(ordered_at) OVER (PARTITION BY user_id ORDER BY ordered_at) - ordered_at AS gap FROM orders ORDER BY user_id, id;

-- @id first_last_value
SELECT id, first_value(id) OVER w AS first_id, last_value(id) OVER w AS last_id FROM orders WINDOW w AS (PARTITION BY user_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY id;

-- @id last_value_default_frame
SELECT id, last_value(id) OVER (PARTITION BY user_id ORDER BY id) AS last_so_far FROM orders ORDER BY id;

-- @id nth_value
SELECT id, nth_value(id, 2) OVER (PARTITION BY user_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second FROM orders ORDER BY id;

-- @id running_sum
SELECT id, sum(total) OVER (ORDER BY id) AS running FROM orders ORDER BY id;

-- @id running_sum_partition
SELECT user_id, id, sum(total) OVER (PARTITION BY user_id ORDER BY id) AS running FROM orders ORDER BY user_id, id;

-- @id moving_average_rows
SELECT id, avg(total) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS ma3 FROM orders ORDER BY id;

-- @id range_frame_interval
SELECT id, count(*) OVER (ORDER BY ordered_at RANGE BETWEEN interval '30 days' PRECEDING AND CURRENT ROW) AS last_30d FROM orders ORDER BY id;

-- @id range_frame_default_peers
SELECT id, total, sum(total) OVER (ORDER BY total) AS cum FROM orders ORDER BY total, id;

-- @id groups_frame
SELECT id, total, count(*) OVER (ORDER BY total GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near FROM orders ORDER BY total, id;

-- @id frame_exclude_current
SELECT id, sum(total) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) AS neighbours FROM orders ORDER BY id;

-- @id whole_partition_aggregate
SELECT id, user_id, total, total / sum(total) OVER (PARTITION BY user_id) AS share FROM orders WHERE total > 0 ORDER BY id;

-- @id count_over_empty
SELECT day, count(*) OVER () AS n FROM calendar ORDER BY day;

-- @id window_in_subquery_filter
SELECT * FROM (SELECT user_id, id, row_number() OVER (PARTITION BY user_id ORDER BY total DESC, id) AS rn FROM orders) t WHERE rn = 1 ORDER BY user_id;

-- @id window_with_group_by
SELECT status, count(*) AS n, rank() OVER (ORDER BY count(*) DESC, status) AS r FROM orders GROUP BY status ORDER BY r;

-- @id named_window_reuse
SELECT id, min(total) OVER w, max(total) OVER w FROM orders WINDOW w AS (PARTITION BY status) ORDER BY id;

-- @id window_filter_clause
SELECT id, count(*) FILTER (WHERE status = 'delivered') OVER (ORDER BY id) AS delivered_so_far FROM orders ORDER BY id;

-- @id rank_over_partition_nulls
SELECT id, country, rank() OVER (PARTITION BY country ORDER BY score DESC NULLS LAST) AS r FROM users ORDER BY id;

-- @id lag_on_dates
SELECT day, day - lag(day) OVER (ORDER BY day) AS days_since FROM calendar ORDER BY day;

-- @id window_order_by_desc_nulls_first
SELECT id, row_number() OVER (ORDER BY score DESC NULLS FIRST, id) AS rn FROM users ORDER BY id;

-- @id sessionization
SELECT user_id, id, sum(new_session) OVER (PARTITION BY user_id ORDER BY occurred_at, id) AS session_no FROM (SELECT user_id, id, occurred_at, CASE WHEN occurred_at - lag(occurred_at) OVER (PARTITION BY user_id ORDER BY occurred_at, id) > interval '30 minutes' THEN 1 ELSE 0 END AS new_session FROM events WHERE user_id IS NOT NULL) e ORDER BY user_id, id;

-- @id cumulative_distinct_users_by_month
SELECT month, sum(new_users) OVER (ORDER BY month) AS total_users FROM (SELECT date_trunc('month', signup_date) AS month, count(*) AS new_users FROM users GROUP BY 1) m ORDER BY month;

-- @id window_on_text_ordering
SELECT name, row_number() OVER (ORDER BY name) AS rn FROM users ORDER BY rn;
