-- String functions and operators.

-- @id concat_operator_and_function
SELECT name || ' <' || email || '>' AS a, concat(name, ' <', email, '>') AS b FROM users ORDER BY id;

-- @id concat_ws
SELECT concat_ws(', ', name, country, email) FROM users ORDER BY id;

-- @id concat_with_number
SELECT 'order #' || id FROM orders WHERE id < 103 ORDER BY id;

-- @id length_variants
SELECT name, length(name), char_length(name), octet_length(name), bit_length(name) FROM users ORDER BY id;

-- @id upper_lower_initcap
SELECT upper(name), lower(name), initcap('hello wORLD foo-bar') FROM users ORDER BY id;

-- @id substring_forms
SELECT substring(sku from 5), substring(sku from 1 for 3), substr(sku, 5, 2), substring(sku, 5) FROM products ORDER BY id;

-- @id substring_regex
SELECT substring(email from '@(.*)$') FROM users ORDER BY id;

-- @id position_strpos
SELECT position('@' IN email), strpos(email, '.') FROM users ORDER BY id;

-- @id left_right
SELECT left(name, 2), right(name, 2), left(name, -1), right(name, -1) FROM users ORDER BY id;

-- @id trim_family
SELECT trim(t), ltrim(t), rtrim(t), btrim('xxhixx', 'x'), trim(both 'x' from 'xxhixx'), trim(leading '0' from '000123') FROM edge_values WHERE id = 6;

-- @id lpad_rpad
SELECT lpad(id::text, 5, '0'), rpad(name, 8, '.'), lpad(name, 3) FROM users ORDER BY id;

-- @id replace_translate
SELECT replace(email, '@', ' at '), translate(sku, 'SKU-', 'sku_') FROM users, products WHERE users.id = products.id ORDER BY users.id;

-- @id repeat_reverse
SELECT repeat('ab', 3), reverse(name) FROM users ORDER BY id;

-- @id split_part
SELECT split_part(email, '@', 1), split_part(email, '@', 2), split_part('a,b,c', ',', 3), split_part('a,b,c', ',', -1) FROM users ORDER BY id;

-- @id string_to_array
SELECT string_to_array('a,b,,c', ','), string_to_array('a b c', ' ', 'b');

-- @id array_to_string
SELECT id, array_to_string(tags, ';') FROM users ORDER BY id;

-- @id regexp_replace
SELECT regexp_replace(email, '[aeiou]', '*'), regexp_replace(email, '[aeiou]', '*', 'g') FROM users ORDER BY id;

-- @id regexp_match_and_matches
SELECT regexp_match('order-123-abc', '(\d+)-(\w+)'), (regexp_match(email, '^([^@]+)@'))[1] FROM users ORDER BY id;

-- @id regexp_split_to_array
SELECT regexp_split_to_array('one  two three', '\s+');

-- @id regexp_split_to_table
SELECT regexp_split_to_table('x-y-z', '-') AS part;

-- @id starts_with
SELECT name FROM users WHERE starts_with(lower(name), 'g') ORDER BY name;

-- @id md5_hash
SELECT md5(name) FROM users ORDER BY id;

-- @id chr_ascii
SELECT chr(65), ascii('A'), ascii('é'), chr(233);

-- @id format_function
SELECT format('%s has %s orders', name, id), format('%I.%L', 'my table', 'O''Brien') FROM users WHERE id = 1;

-- @id quote_functions
SELECT quote_ident('Users'), quote_ident('users'), quote_literal('it''s'), quote_nullable(NULL::text);

-- @id to_hex
SELECT to_hex(255), to_hex(4096 * 16);

-- @id string_compare_case
SELECT 'abc' < 'abd', 'B' < 'a', 'abc' = 'ABC', lower('ABC') = 'abc';

-- @id like_escapes
SELECT '50%' LIKE '50\%', 'a_b' LIKE 'a\_b', 'axb' LIKE 'a\_b', 'abc' LIKE 'a%' ESCAPE '#';

-- @id empty_string_is_not_null
SELECT id, email = '' AS is_empty, email IS NULL AS is_null, length(email) FROM users ORDER BY id;

-- @id unicode_text
SELECT name, upper(name), length(name), substring(name from 2 for 2) FROM users WHERE id IN (8, 12) ORDER BY id;

-- @id string_escape_syntax
SELECT E'tab\there', E'new\nline', 'backslash \ stays', U&'\00e9t\00e9';

-- @id dollar_quoted_string
SELECT $$it's $1 dollars$$, $tag$nested $$ quotes$tag$;

-- @id overlay
SELECT overlay('Txxxxas' placing 'hom' from 2 for 4);

-- @id text_concat_null
SELECT 'a' || NULL, concat('a', NULL, 'b'), concat_ws('-', 'a', NULL, 'b');

-- @id string_agg_of_distinct_domains
SELECT string_agg(DISTINCT split_part(email, '@', 2), ',' ORDER BY split_part(email, '@', 2)) FROM users WHERE email LIKE '%@%';

-- @id char_varchar_casts
SELECT 'ab'::char(4) || '|', 'abcdef'::varchar(3), length('ab'::char(4)), 'x'::char;

-- @id encode_decode
SELECT encode('hello'::bytea, 'base64'), encode('hello'::bytea, 'hex'), convert_from(decode('aGVsbG8=', 'base64'), 'UTF8');

-- @id bytea_output
SELECT 'abc'::bytea, '\x010203'::bytea;

-- @id string_repeat_negative
SELECT repeat('x', 0) = '', repeat('x', -1) = '';

-- @id text_search_like_any
SELECT name FROM products WHERE name LIKE ANY (ARRAY['G%', '%ug']) ORDER BY name;

-- @id string_number_comparison_in_where
SELECT id FROM users WHERE id::text LIKE '1%' ORDER BY id;

-- @id collate_c_order
SELECT name FROM users ORDER BY name COLLATE "C";

-- @id order_by_text_with_case
SELECT name FROM users ORDER BY lower(name), id;

-- @id format_positional_and_null
SELECT format('%2$s-%1$s %%', 'a', 'b'), format('%L', NULL), format('%s', NULL) IS NULL;
