-- INSERT, UPDATE, DELETE, MERGE and RETURNING, each read back. Every entry runs in a transaction
-- that is rolled back, so the fixture stays as loaded.

-- @id insert_values_read_back
INSERT INTO calendar VALUES ('2025-01-01', true, 'New Year'), ('2025-01-02', false, NULL);
SELECT * FROM calendar WHERE day >= '2025-01-01' ORDER BY day;

-- @id insert_column_list_defaults
INSERT INTO products (id, sku, name, price, discontinued) VALUES (11, 'SKU-011', 'Bolt', 0.10, false);
SELECT * FROM products WHERE id = 11;

-- @id insert_returning
INSERT INTO calendar (day, is_holiday) VALUES ('2025-05-01', true) RETURNING day, is_holiday, note;

-- @id insert_returning_star
INSERT INTO orders VALUES (200, 3, '2025-01-01 10:00', 'pending', 10.00, NULL, NULL) RETURNING *;

-- @id insert_returning_expression
INSERT INTO orders (id, user_id, ordered_at, status, total) VALUES (201, 3, '2025-01-01 10:00', 'pending', 10) RETURNING id * 10 AS tenfold, total + 1 AS plus_one;

-- @id insert_select
INSERT INTO calendar (day, is_holiday, note) SELECT signup_date + 1000, false, name FROM users WHERE id <= 3;
SELECT day, note FROM calendar WHERE day > '2025-01-01' ORDER BY day;

-- @id insert_row_count
INSERT INTO calendar (day, is_holiday) SELECT DISTINCT signup_date + 3650, false FROM users;

-- @id update_row_count
UPDATE orders SET status = 'archived' WHERE ordered_at < '2023-06-01';

-- @id update_read_back
UPDATE products SET price = price * 1.10 WHERE category = 'merch';
SELECT id, price FROM products ORDER BY id;

-- @id update_returning
UPDATE users SET score = coalesce(score, 0) + 1 WHERE country = 'US' RETURNING id, score;

-- @id update_from_join
UPDATE orders o SET discount = 1.00 FROM users u WHERE u.id = o.user_id AND u.country = 'GB' AND o.discount IS NULL;
SELECT id, discount FROM orders WHERE user_id IN (2, 12) ORDER BY id;

-- @id update_with_subquery
UPDATE users SET score = (SELECT max(total) FROM orders WHERE orders.user_id = users.id) WHERE id IN (1, 2);
SELECT id, score FROM users WHERE id IN (1, 2) ORDER BY id;

-- @id update_set_multiple_columns_row
UPDATE products SET (price, discontinued) = (0.99, true) WHERE id = 6;
SELECT price, discontinued FROM products WHERE id = 6;

-- @id delete_row_count
DELETE FROM order_items WHERE quantity > 1;

-- @id delete_returning
DELETE FROM calendar WHERE note IS NULL RETURNING day;

-- @id delete_using
DELETE FROM order_items oi USING orders o WHERE o.id = oi.order_id AND o.status = 'cancelled';
SELECT count(*) FROM order_items;

-- @id delete_all_then_count
DELETE FROM events;
SELECT count(*) FROM events;

-- @id insert_on_conflict_do_nothing
INSERT INTO calendar VALUES ('2024-02-29', true, 'dup') ON CONFLICT DO NOTHING;
SELECT note FROM calendar WHERE day = '2024-02-29';

-- @id insert_on_conflict_do_update
INSERT INTO calendar VALUES ('2024-02-29', true, 'updated') ON CONFLICT (day) DO UPDATE SET note = excluded.note, is_holiday = excluded.is_holiday;
SELECT is_holiday, note FROM calendar WHERE day = '2024-02-29';

-- @id insert_on_conflict_returning
INSERT INTO calendar VALUES ('2024-02-29', false, 'x'), ('2026-01-01', true, 'y') ON CONFLICT (day) DO UPDATE SET note = calendar.note || '+' RETURNING day, note;

-- @id merge_statement
MERGE INTO calendar c USING (VALUES (date '2024-02-29', 'merged'), (date '2027-01-01', 'new')) AS s(day, note) ON c.day = s.day WHEN MATCHED THEN UPDATE SET note = s.note WHEN NOT MATCHED THEN INSERT VALUES (s.day, false, s.note);
SELECT day, note FROM calendar WHERE day IN ('2024-02-29', '2027-01-01') ORDER BY day;

-- @id truncate_table
TRUNCATE order_items;
SELECT count(*) FROM order_items;

-- @id data_modifying_cte
WITH gone AS (DELETE FROM calendar WHERE is_holiday RETURNING day) SELECT count(*) FROM gone;
SELECT count(*) FROM calendar;

-- @id unique_violation_aborts_transaction
INSERT INTO calendar VALUES ('2023-01-01', false, NULL);
SELECT count(*) FROM calendar;

-- @id not_null_violation
INSERT INTO products (id, sku, name, price, discontinued) VALUES (12, 'SKU-012', NULL, 1, false);

-- @id insert_type_coercion
INSERT INTO edge_values (id, i, f, n, t) VALUES (100, '12', '1.5', 2, 42);
SELECT i, f, n, t FROM edge_values WHERE id = 100;

-- @id insert_numeric_rounding_to_scale
INSERT INTO products (id, sku, name, price, discontinued) VALUES (13, 'SKU-013', 'Rounded', 1.005, false), (14, 'SKU-014', 'Rounded2', 2.675, false);
SELECT id, price FROM products WHERE id IN (13, 14) ORDER BY id;

-- @id update_no_rows
UPDATE orders SET total = 0 WHERE id = -1;

-- @id insert_timestamptz_read_back
INSERT INTO events (id, user_id, event_type, occurred_at) VALUES (100, 1, 'test', '2025-03-30 01:30:00+01');
SELECT occurred_at, occurred_at AT TIME ZONE 'Europe/London' FROM events WHERE id = 100;

-- @id insert_json_read_back
INSERT INTO events (id, event_type, occurred_at, properties) VALUES (101, 'test', now(), '{"k": [1, 2, {"x": "y"}], "u": "é"}');
SELECT properties, properties -> 'k' -> 2 ->> 'x', properties ->> 'u' FROM events WHERE id = 101;

-- @id insert_array_read_back
INSERT INTO users (id, name, signup_date, is_active, tags) VALUES (100, 'Arr', '2025-01-01', true, '{x,"y z"}');
SELECT tags, tags[2] FROM users WHERE id = 100;
