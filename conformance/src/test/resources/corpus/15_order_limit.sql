-- ORDER BY variants, LIMIT, OFFSET and FETCH.

-- @id order_by_multiple
SELECT status, total, id FROM orders ORDER BY status, total DESC, id;

-- @id order_by_expression
SELECT id, total FROM orders ORDER BY total * -1, id;

-- @id order_by_alias
SELECT id, total - coalesce(discount, 0) AS net FROM orders ORDER BY net DESC, id;

-- @id order_by_ordinal
SELECT name, signup_date FROM users ORDER BY 2 DESC, 1;

-- @id order_by_column_not_selected
SELECT name FROM users ORDER BY signup_date, id;

-- @id order_by_case
SELECT id, status FROM orders ORDER BY CASE status WHEN 'pending' THEN 0 WHEN 'shipped' THEN 1 ELSE 2 END, id;

-- @id limit
SELECT id FROM orders ORDER BY id LIMIT 3;

-- @id limit_offset
SELECT id FROM orders ORDER BY id LIMIT 3 OFFSET 5;

-- @id offset_only
SELECT id FROM orders ORDER BY id OFFSET 17;

-- @id offset_beyond_end
SELECT id FROM orders ORDER BY id LIMIT 5 OFFSET 100;

-- @id fetch_first
SELECT id FROM orders ORDER BY total DESC, id FETCH FIRST 2 ROWS ONLY;

-- @id fetch_first_with_ties
SELECT * FROM (SELECT id, total FROM orders ORDER BY total DESC FETCH FIRST 4 ROWS WITH TIES) t ORDER BY total DESC, id;

-- @id limit_all
SELECT count(*) FROM (SELECT id FROM orders LIMIT ALL) t;

-- @id limit_zero
SELECT id FROM orders ORDER BY id LIMIT 0;

-- @id limit_null
SELECT count(*) FROM (SELECT id FROM orders LIMIT NULL) t;

-- @id limit_negative_error
SELECT id FROM orders LIMIT -1;

-- @id order_by_desc_nulls_default
SELECT referrer_id FROM users ORDER BY referrer_id DESC;

-- @id order_by_boolean
SELECT id, is_active FROM users ORDER BY is_active, id;

-- @id order_by_in_aggregate_subquery_with_limit
SELECT sum(total) FROM (SELECT total FROM orders ORDER BY total DESC LIMIT 5) top5;

-- @id order_by_text_numbers
SELECT v FROM (VALUES ('10'), ('9'), ('100'), ('1')) t(v) ORDER BY v;

-- @id order_by_mixed_case_text
SELECT v FROM (VALUES ('b'), ('B'), ('a'), ('A'), ('_'), ('1')) t(v) ORDER BY v;
