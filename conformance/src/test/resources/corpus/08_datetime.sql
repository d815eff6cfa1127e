-- Dates, times, timestamps, time zones and intervals: extraction, truncation, arithmetic,
-- formatting and parsing.

-- @id extract_fields
SELECT id, extract(year FROM ordered_at) AS y, extract(month FROM ordered_at) AS m, extract(day FROM ordered_at) AS d, extract(hour FROM ordered_at) AS h FROM orders ORDER BY id;

-- @id extract_dow_doy_week
SELECT day, extract(dow FROM day) AS dow, extract(isodow FROM day) AS isodow, extract(doy FROM day) AS doy, extract(week FROM day) AS week FROM calendar ORDER BY day;

-- @id extract_quarter_isoyear
SELECT day, extract(quarter FROM day) AS q, extract(isoyear FROM day) AS iy FROM calendar ORDER BY day;

-- @id extract_epoch_timestamp
SELECT id, extract(epoch FROM ordered_at) AS epoch FROM orders ORDER BY id;

-- @id extract_epoch_timestamptz
SELECT id, extract(epoch FROM occurred_at) AS epoch FROM events ORDER BY id;

-- @id extract_seconds_fraction
SELECT extract(second FROM timestamp '2024-01-01 10:20:30.25');

-- @id date_part_function
SELECT date_part('year', signup_date), date_part('month', signup_date) FROM users ORDER BY id;

-- @id date_trunc_units
SELECT id, date_trunc('year', ordered_at) AS y, date_trunc('quarter', ordered_at) AS q, date_trunc('week', ordered_at) AS w, date_trunc('day', ordered_at) AS d, date_trunc('hour', ordered_at) AS h FROM orders ORDER BY id;

-- @id date_trunc_on_date
SELECT date_trunc('month', day) FROM calendar ORDER BY day;

-- @id date_trunc_timestamptz
SELECT id, date_trunc('day', occurred_at) FROM events ORDER BY id;

-- @id date_plus_integer
SELECT day, day + 1 AS next_day, day - 7 AS week_before FROM calendar ORDER BY day;

-- @id date_minus_date
SELECT u.id, o.ordered_at::date - u.signup_date AS days_to_first_order FROM users u JOIN orders o ON o.user_id = u.id ORDER BY o.id;

-- @id date_plus_interval
SELECT day + interval '1 month' AS plus_month FROM calendar ORDER BY day;

-- @id month_end_arithmetic
SELECT date '2024-01-31' + interval '1 month', date '2023-01-31' + interval '1 month', timestamp '2024-02-29 12:00' - interval '1 year';

-- @id timestamp_minus_timestamp
SELECT id, shipped_at - ordered_at AS lead_time FROM orders WHERE shipped_at IS NOT NULL ORDER BY id;

-- @id timestamp_difference_in_hours
SELECT id, round(extract(epoch FROM (shipped_at - ordered_at::timestamptz)) / 3600, 2) AS hours FROM orders WHERE shipped_at IS NOT NULL ORDER BY id;

-- @id interval_literals
SELECT interval '1 day', interval '2 hours 30 minutes', interval '1 year 2 months', interval '90 minutes', interval '-1 day';

-- @id interval_arithmetic
SELECT interval '1 day' * 3, interval '1 hour' / 2, interval '1 day' + interval '12 hours', interval '1 month' - interval '1 day';

-- @id interval_compare
SELECT interval '1 day' = interval '24 hours', interval '30 days' = interval '1 month', interval '1 day' > interval '23 hours';

-- @id justify_interval
SELECT justify_hours(interval '50 hours'), justify_days(interval '45 days'), justify_interval(interval '1 month -1 hour');

-- @id age_function
SELECT age(timestamp '2024-03-15', timestamp '2023-01-20'), age(date '2024-02-29', date '2023-02-28');

-- @id make_date_time
SELECT make_date(2024, 2, 29), make_time(13, 45, 30.5), make_timestamp(2024, 1, 2, 3, 4, 5);

-- @id make_interval
SELECT make_interval(days => 10), make_interval(years => 1, months => 2, hours => 3);

-- @id to_char_date
SELECT to_char(day, 'YYYY-MM-DD'), to_char(day, 'DD/MM/YYYY'), to_char(day, 'Mon DD, YYYY'), to_char(day, 'Day') FROM calendar ORDER BY day;

-- @id to_char_timestamp
SELECT to_char(ordered_at, 'YYYY-MM-DD HH24:MI:SS'), to_char(ordered_at, 'HH12:MI AM'), to_char(ordered_at, 'YYYY"Q"Q') FROM orders ORDER BY id;

-- @id to_char_month_names
SELECT to_char(day, 'FMMonth'), to_char(day, 'MON'), to_char(day, 'FMDay'), to_char(day, 'DY') FROM calendar ORDER BY day;

-- @id to_char_iso_week
SELECT to_char(day, 'IYYY-IW'), to_char(day, 'WW'), to_char(day, 'J') FROM calendar ORDER BY day;

-- @id to_date_parse
SELECT to_date('2024-03-15', 'YYYY-MM-DD'), to_date('15/03/2024', 'DD/MM/YYYY'), to_date('March 5 2023', 'Month DD YYYY');

-- @id to_timestamp_parse
SELECT to_timestamp('2024-03-15 14:30:00', 'YYYY-MM-DD HH24:MI:SS');

-- @id to_timestamp_epoch
SELECT to_timestamp(1700000000);

-- @id date_literal_forms
SELECT date '2024-02-29', '2024-02-29'::date, DATE '2024-02-29' + 0, CAST('2024-02-29' AS date);

-- @id timestamp_literal_precision
SELECT timestamp '2024-01-01 00:00:00.123456', timestamp '2024-01-01 00:00:00.5', timestamp '2024-01-01';

-- @id timestamptz_literal_offsets
SELECT timestamptz '2024-01-01 12:00:00+05:30', timestamptz '2024-06-01 12:00:00-07', timestamptz '2024-01-01 00:00:00Z';

-- @id timestamptz_column_output
SELECT id, occurred_at FROM events ORDER BY id;

-- @id timestamptz_in_other_zone
SET TIME ZONE 'America/New_York';
SELECT id, occurred_at FROM events WHERE id <= 5 ORDER BY id;

-- @id at_time_zone
SELECT id, occurred_at AT TIME ZONE 'UTC' AS utc, occurred_at AT TIME ZONE 'Asia/Tokyo' AS tokyo FROM events ORDER BY id;

-- @id timestamp_at_time_zone_to_tz
SELECT id, ordered_at AT TIME ZONE 'Europe/Berlin' AS berlin FROM orders ORDER BY id;

-- @id timezone_function
SELECT timezone('America/Los_Angeles', timestamptz '2024-03-10 12:00:00+00');

-- @id cast_timestamptz_to_date
SELECT id, occurred_at::date FROM events ORDER BY id;

-- @id cast_timestamp_to_time
SELECT id, ordered_at::time FROM orders ORDER BY id;

-- @id time_arithmetic
SELECT time '23:30' + interval '1 hour', time '10:00' - time '08:15', time '12:00' < time '13:00';

-- @id now_is_recent
SELECT now() > timestamptz '2024-01-01', current_date > date '2024-01-01', current_timestamp >= now(), localtimestamp IS NOT NULL;

-- @id now_type
SELECT pg_typeof(now()), pg_typeof(current_date), pg_typeof(localtimestamp);

-- @id interval_extract
SELECT extract(day FROM interval '3 days 4 hours'), extract(hour FROM interval '3 days 4 hours'), extract(epoch FROM interval '1 day 1 second');

-- @id date_bin
SELECT date_bin(interval '15 minutes', timestamp '2024-01-01 10:37:00', timestamp '2024-01-01');

-- @id generate_series_dates
SELECT generate_series(date '2024-02-27', date '2024-03-02', interval '1 day') AS d;

-- @id generate_series_timestamps_from
SELECT d FROM generate_series(timestamp '2024-01-01 00:00', timestamp '2024-01-01 03:00', interval '1 hour') AS g(d) ORDER BY d;

-- @id overlaps
SELECT (date '2024-01-01', date '2024-01-10') OVERLAPS (date '2024-01-05', date '2024-01-20'), (date '2024-01-01', date '2024-01-05') OVERLAPS (date '2024-01-05', date '2024-01-06');

-- @id infinity_dates
SELECT 'infinity'::date > date '2999-01-01', '-infinity'::timestamp < timestamp '0001-01-01', 'infinity'::timestamp;

-- @id invalid_date_error
SELECT date '2023-02-29';

-- @id invalid_timestamp_text_error
SELECT 'not a date'::timestamp;

-- @id bc_and_far_dates
SELECT date '0001-01-01', date '9999-12-31', date '0001-01-01' - 1;

-- @id isfinite
SELECT isfinite(date '2024-01-01'), isfinite('infinity'::timestamp);

-- @id group_by_weekday_name
SELECT to_char(ordered_at, 'FMDay') AS weekday, count(*) FROM orders GROUP BY 1 ORDER BY 1;

-- @id date_in_where_with_string
SELECT id FROM orders WHERE ordered_at >= '2024-01-01' AND ordered_at < '2024-07-01' ORDER BY id;

-- @id timestamptz_compare_with_string
SELECT id FROM events WHERE occurred_at < '2023-02-01 00:00:00+00' ORDER BY id;

-- @id last_day_of_month
SELECT day, (date_trunc('month', day) + interval '1 month - 1 day')::date AS month_end FROM calendar ORDER BY day;

-- @id interval_output_styles
SELECT interval '1 year 2 months 3 days 04:05:06.789', interval '-1 year -2 mons +3 days', interval '0';

-- @id date_minus_date_constant
SELECT day, day - date '2024-01-01' AS since FROM calendar ORDER BY day;

-- @id to_char_fill_mode
SELECT to_char(ordered_at, 'FMDD Month YYYY, Dy') FROM orders ORDER BY id;
