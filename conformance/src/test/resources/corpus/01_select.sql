-- Projections, filters, expressions and column naming in plain SELECTs.

-- @id star_users
SELECT * FROM users ORDER BY id;

-- @id star_products
SELECT * FROM products ORDER BY id;

-- @id star_orders
SELECT * FROM orders ORDER BY id;

-- @id star_calendar
SELECT * FROM calendar ORDER BY day;

-- @id star_edge_values
SELECT * FROM edge_values ORDER BY id;

-- @id projection_alias
SELECT id AS user_id, name AS "User Name", country FROM users WHERE is_active;

-- @id where_and_or
SELECT id, name FROM users WHERE (country = 'US' OR country = 'GB') AND is_active ORDER BY id;

-- @id where_in_list
SELECT id, status FROM orders WHERE status IN ('pending', 'shipped') ORDER BY id;

-- @id where_not_in_list
SELECT id, status FROM orders WHERE status NOT IN ('delivered', 'cancelled') ORDER BY id;

-- @id where_between
SELECT id, total FROM orders WHERE total BETWEEN 20 AND 100 ORDER BY id;

-- @id where_like
SELECT name FROM products WHERE name LIKE 'G%' ORDER BY name;

-- @id where_ilike
SELECT email FROM users WHERE email ILIKE '%@EXAMPLE.com' ORDER BY email;

-- @id where_not_like_escape
SELECT sku FROM products WHERE sku NOT LIKE 'SKU\_00%' ORDER BY sku;

-- @id where_similar_to
SELECT name FROM products WHERE name SIMILAR TO '(G|W)%' ORDER BY name;

-- @id where_regex_match
SELECT name FROM users WHERE name ~ '^[A-D]' ORDER BY name;

-- @id where_regex_case_insensitive
SELECT name FROM users WHERE name ~* '^k' ORDER BY name;

-- @id where_boolean_column_not
SELECT id FROM users WHERE NOT is_active ORDER BY id;

-- @id where_is_true
SELECT count(*) FROM users WHERE is_active IS TRUE;

-- @id expression_columns_unnamed
SELECT orders.id * 2, total + 1, name || '!' FROM orders JOIN users ON users.id = orders.user_id ORDER BY 1;

-- @id literal_columns_unnamed
SELECT 1, 'a', 2.5, true, NULL;

-- @id select_without_from
SELECT 1 AS one, 2 + 3 AS five, 'x' AS letter;

-- @id distinct_countries
SELECT DISTINCT country FROM users;

-- @id distinct_on
SELECT DISTINCT ON (user_id) user_id, id, total FROM orders ORDER BY user_id, ordered_at DESC;

-- @id case_searched
SELECT id, CASE WHEN total >= 100 THEN 'large' WHEN total >= 20 THEN 'medium' ELSE 'small' END AS size FROM orders ORDER BY id;

-- @id case_simple
SELECT id, CASE status WHEN 'delivered' THEN 1 WHEN 'shipped' THEN 2 ELSE 0 END AS code FROM orders ORDER BY id;

-- @id case_without_else
SELECT id, CASE WHEN discount > 0 THEN 'discounted' END AS note FROM orders ORDER BY id;

-- @id quoted_identifiers
SELECT "id", "name" AS "Name With Spaces", "country" AS "COUNTRY" FROM users ORDER BY "id";

-- @id values_list
VALUES (1, 'one'), (2, 'two'), (3, 'three');

-- @id values_in_from
SELECT v.n, v.label FROM (VALUES (1, 'one'), (2, 'two')) AS v(n, label) ORDER BY v.n;

-- @id table_command
TABLE calendar;

-- @id boolean_expressions
SELECT id, is_active AND score > 70 AS good, is_active OR score IS NULL AS either FROM users ORDER BY id;

-- @id comparison_chain
SELECT id FROM products WHERE price > 10 AND price <= 99 AND NOT discontinued ORDER BY id;

-- @id row_constructor_compare
SELECT id FROM orders WHERE (user_id, status) = (1, 'delivered') ORDER BY id;

-- @id row_constructor_in
SELECT order_id, line_no FROM order_items WHERE (order_id, line_no) IN ((101, 2), (105, 3), (999, 1)) ORDER BY 1, 2;

-- @id greatest_least
SELECT id, greatest(total, 50), least(total, 50) FROM orders ORDER BY id;

-- @id column_named_like_keyword
SELECT day, note AS "order" FROM calendar ORDER BY day;

-- @id current_database
SELECT current_database() IS NOT NULL AS has_db;

-- @id version_is_postgres
SELECT version() LIKE 'PostgreSQL%' AS looks_like_pg;
