-- Arithmetic, numeric types and mathematical functions.

-- @id integer_division
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3, 7 / 2 * 2;

-- @id integer_division_columns
SELECT order_id, line_no, quantity / 2 AS half, quantity % 2 AS odd FROM order_items ORDER BY order_id, line_no;

-- @id numeric_division
SELECT 7.0 / 2, 1.0 / 3, 2 / 3.0, 10::numeric / 4;

-- @id float_division
SELECT 7::float8 / 2, 1 / 3::double precision, 1::real / 3;

-- @id mixed_type_arithmetic
SELECT 1 + 1.5, 2 * 2.5::float8, 10 - 0.1, 3::smallint + 4::bigint;

-- @id integer_overflow_error
SELECT 2147483647::int + 1;

-- @id bigint_overflow_error
SELECT 9223372036854775807::bigint + 1;

-- @id numeric_scale_arithmetic
SELECT price, price * 2, price * quantity, price / 3 FROM products JOIN order_items ON product_id = products.id WHERE order_id = 105 ORDER BY line_no;

-- @id round_variants
SELECT round(2.5), round(3.5), round(-2.5), round(2.567, 2), round(1234.5, -2), round(2.5::float8), round(3.5::float8);

-- @id trunc_ceil_floor
SELECT trunc(2.789, 1), trunc(-2.7), ceil(2.1), ceiling(-2.1), floor(-2.1), floor(2.9);

-- @id abs_sign
SELECT abs(-5), abs(-5.5), sign(-3), sign(0.0), sign(2.5::float8);

-- @id power_sqrt_cbrt
SELECT power(2, 10), 2 ^ 10, sqrt(16), cbrt(27), sqrt(2::float8);

-- @id exp_ln_log
SELECT exp(1), ln(10), log(100), log(2, 64), log10(1000);

-- @id trig_functions
SELECT round(sin(pi() / 2)::numeric, 10), round(cos(0)::numeric, 10), round(atan2(1, 1)::numeric, 10), degrees(pi()), radians(180);

-- @id mod_function
SELECT mod(10, 3), mod(-10, 3), mod(10.5, 3);

-- @id gcd_lcm
SELECT gcd(12, 18), lcm(4, 6);

-- @id factorial_numeric
SELECT factorial(20), factorial(25);

-- @id width_bucket
SELECT id, width_bucket(total, 0, 300, 6) AS bucket FROM orders ORDER BY id;

-- @id bitwise_operators
SELECT 12 & 10, 12 | 10, 12 # 10, ~12, 1 << 4, 256 >> 2;

-- @id numeric_precision_large
SELECT 123456789012345678901234567890::numeric + 1, 0.1 + 0.2, 0.1::float8 + 0.2::float8;

-- @id numeric_output_trailing_zeros
SELECT 1.10, 1.100::numeric(10,3), 5::numeric(10,2), 0.00;

-- @id float_special_values
SELECT 'NaN'::float8, 'Infinity'::float8, '-Infinity'::float8, 'NaN'::float8 = 'NaN'::float8, 'NaN'::float8 > 1e308;

-- @id float_output
SELECT 0.1::float8, 1e20::float8, 1.5e-7::float8, 100::float8, 2.5::real, 1/3::float4;

-- @id edge_values_arithmetic
SELECT id, i + 1 AS i1, b - 1 AS b1, f * 2 AS f2, n * 2 AS n2 FROM edge_values WHERE id IN (1, 5, 7) ORDER BY id;

-- @id edge_values_float_order
SELECT id, f FROM edge_values ORDER BY f NULLS FIRST, id;

-- @id random_in_range
SELECT random() >= 0 AND random() < 1;

-- @id division_by_zero_integer
SELECT 1 / 0;

-- @id division_by_zero_numeric
SELECT 1.5 / 0;

-- @id division_by_zero_float
SELECT 1::float8 / 0;

-- @id modulo_by_zero
SELECT 5 % 0;

-- @id division_by_zero_in_column
SELECT id, total / quantity FROM orders JOIN order_items ON order_id = orders.id WHERE quantity - 1 = 0 AND quantity / (quantity - 1) > 0;

-- @id sqrt_negative_error
SELECT sqrt(-1);

-- @id ln_zero_error
SELECT ln(0);

-- @id numeric_overflow_cast
SELECT 12345.678::numeric(5,2);

-- @id smallint_range_error
SELECT 40000::smallint;

-- @id percentage_formatting
SELECT status, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct FROM orders GROUP BY status ORDER BY status;

-- @id unary_minus_and_precedence
SELECT -2 ^ 2, (-2) ^ 2, - 3 * 4, 2 + 3 * 4 % 5;

-- @id scale_function
SELECT scale(1.2345), min_scale(1.2300), trim_scale(1.2300);

-- @id numeric_to_integer_cast_rounding
SELECT 2.5::int, 3.5::int, -2.5::int, 2.4999::integer, 2.5::float8::int;
