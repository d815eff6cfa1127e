-- JSON: operators, accessors, construction and aggregation (json and jsonb).

-- @id arrow_operator
SELECT id, properties -> 'page' AS page FROM events ORDER BY id;

-- @id double_arrow_operator
SELECT id, properties ->> 'page' AS page FROM events ORDER BY id;

-- @id nested_arrow
SELECT id, properties -> 'device' ->> 'os' AS os FROM events ORDER BY id;

-- @id path_operator_text
SELECT id, properties #>> '{device,os}' AS os, properties #>> '{tags,0}' AS first_tag FROM events ORDER BY id;

-- @id path_operator_json
SELECT id, properties #> '{device}' AS device FROM events ORDER BY id;

-- @id array_index_operator
SELECT id, properties -> 'tags' -> 0 AS t0, properties -> 'tags' ->> 1 AS t1 FROM events ORDER BY id;

-- @id json_null_vs_sql_null
SELECT id, properties -> 'referrer' AS j, properties ->> 'referrer' AS t, (properties ->> 'referrer') IS NULL AS is_null FROM events WHERE id IN (7, 8) ORDER BY id;

-- @id json_numeric_extraction
SELECT id, (properties ->> 'amount')::numeric AS amount FROM events WHERE event_type = 'purchase' ORDER BY id;

-- @id json_group_by_extracted
SELECT properties -> 'device' ->> 'os' AS os, count(*) FROM events GROUP BY 1 ORDER BY 1 NULLS FIRST;

-- @id json_sum_extracted
SELECT properties ->> 'currency' AS currency, sum((properties ->> 'amount')::numeric) FROM events WHERE event_type = 'purchase' GROUP BY 1 ORDER BY 1;

-- @id json_filter_on_value
SELECT id FROM events WHERE properties ->> 'page' = '/home' ORDER BY id;

-- @id json_boolean_extraction
SELECT id, (properties ->> 'trial')::boolean AS trial FROM events WHERE event_type = 'signup' ORDER BY id;

-- @id json_typeof
SELECT id, json_typeof(properties -> 'tags'), json_typeof(properties -> 'device'), json_typeof(properties -> 'trial') FROM events ORDER BY id;

-- @id json_array_length
SELECT id, json_array_length(properties -> 'tags') FROM events WHERE properties -> 'tags' IS NOT NULL ORDER BY id;

-- @id json_each_text
SELECT e.id, kv.key, kv.value FROM events e, json_each_text(e.properties) AS kv WHERE e.id IN (3, 20) ORDER BY e.id, kv.key;

-- @id json_object_keys
SELECT DISTINCT json_object_keys(properties) AS k FROM events ORDER BY k;

-- @id json_array_elements_text
SELECT e.id, t.tag FROM events e CROSS JOIN LATERAL json_array_elements_text(e.properties -> 'tags') AS t(tag) ORDER BY e.id, t.tag;

-- @id json_build_object
SELECT json_build_object('id', id, 'name', name, 'active', is_active) FROM users WHERE id <= 3 ORDER BY id;

-- @id json_build_array
SELECT json_build_array(1, 'two', NULL, true, 2.5);

-- @id to_json_row
SELECT to_json(c) FROM calendar c WHERE day = '2024-02-29';

-- @id row_to_json
SELECT row_to_json(t) FROM (SELECT id, name FROM users WHERE id = 1) t;

-- @id json_literal_output
SELECT '{"b": 1, "a": [1, 2, {"c": null}]}'::json;

-- @id jsonb_literal_normalized
SELECT '{"b": 1,   "a": [1, 2, {"c": null}], "b": 2}'::jsonb;

-- @id jsonb_contains
SELECT id FROM events WHERE properties::jsonb @> '{"device": {"os": "ios"}}' ORDER BY id;

-- @id jsonb_key_exists
SELECT id FROM events WHERE properties::jsonb ? 'coupon' ORDER BY id;

-- @id jsonb_arrow_types
SELECT pg_typeof(properties::jsonb -> 'page'), pg_typeof(properties::jsonb ->> 'page') FROM events WHERE id = 1;

-- @id jsonb_set
SELECT jsonb_set('{"a": 1, "b": {"c": 2}}'::jsonb, '{b,c}', '3');

-- @id jsonb_concat_and_delete
SELECT '{"a": 1}'::jsonb || '{"b": 2}'::jsonb, '{"a": 1, "b": 2}'::jsonb - 'a';

-- @id jsonb_agg
SELECT jsonb_agg(name ORDER BY name) FROM users WHERE country = 'GB';

-- @id jsonb_pretty
SELECT jsonb_pretty('{"a": [1, 2]}'::jsonb);

-- @id json_extract_path_text
SELECT json_extract_path_text(properties, 'device', 'os') FROM events ORDER BY id;

-- @id json_invalid_input_error
SELECT '{"a": }'::json;

-- @id json_strip_nulls
SELECT json_strip_nulls('{"a": 1, "b": null, "c": {"d": null}}'::json);

-- @id json_in_where_numeric_compare
SELECT id FROM events WHERE (properties -> 'device' ->> 'version')::numeric >= 14 ORDER BY id;

-- @id jsonb_path_query_first
SELECT jsonb_path_query_first(properties::jsonb, '$.device.os') FROM events WHERE id = 1;
