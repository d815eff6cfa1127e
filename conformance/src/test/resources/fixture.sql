-- The fixture: a small shop's analytics schema, loaded into both servers before the corpus runs.
-- Written as plain PostgreSQL DDL; it includes NULLs, empty strings, non-ASCII text, ties, a leap
-- day and extreme numbers on purpose. A statement ends with a semicolon at the end of a line.

CREATE TABLE users (
  id integer PRIMARY KEY,
  name text NOT NULL,
  email text,
  country text,
  signup_date date NOT NULL,
  is_active boolean NOT NULL,
  score double precision,
  referrer_id integer,
  tags text[]
);

INSERT INTO users VALUES
  (1, 'Alice', 'alice@example.com', 'US', '2023-01-15', true, 88.5, NULL, ARRAY['admin', 'beta']),
  (2, 'Bob', 'bob@example.org', 'GB', '2023-02-03', true, 72.25, 1, ARRAY['beta']),
  (3, 'Carla', 'carla@example.com', 'DE', '2023-02-28', false, NULL, 1, NULL),
  (4, 'Dmitri', 'dmitri@example.ru', 'RU', '2023-03-10', true, 91, 2, ARRAY['beta', 'early']),
  (5, 'Eve', NULL, 'US', '2023-03-10', true, 65.75, NULL, NULL),
  (6, 'Fatima', 'fatima@example.com', 'EG', '2023-04-01', false, 80, 4, ARRAY['early']),
  (7, 'Gao', 'gao@example.cn', 'CN', '2023-05-20', true, 77.5, NULL, ARRAY['admin']),
  (8, 'Hélène', 'helene@example.fr', 'FR', '2023-06-30', true, NULL, 7, NULL),
  (9, 'Ivan', 'ivan@example.com', NULL, '2023-07-04', true, 59, NULL, ARRAY['beta']),
  (10, 'Jo', 'jo@example.com', 'US', '2024-01-01', false, 99.9, 9, NULL),
  (11, 'kim lee', 'KIM@EXAMPLE.COM', 'KR', '2024-02-29', true, 70, NULL, ARRAY['early', 'beta']),
  (12, 'Zoë', '', 'GB', '2024-12-31', true, 0, 11, NULL);

CREATE TABLE products (
  id integer PRIMARY KEY,
  sku text NOT NULL,
  name text NOT NULL,
  category text,
  price numeric(10,2) NOT NULL,
  weight_kg real,
  launched_on date,
  discontinued boolean NOT NULL
);

INSERT INTO products VALUES
  (1, 'SKU-001', 'Widget', 'hardware', 9.99, 0.25, '2022-05-01', false),
  (2, 'SKU-002', 'Gadget', 'hardware', 24.50, 1.2, '2022-08-15', false),
  (3, 'SKU-003', 'Gizmo', 'hardware', 99.00, 3.5, '2023-01-10', false),
  (4, 'SKU-004', 'E-book', 'digital', 5.00, NULL, '2022-01-01', false),
  (5, 'SKU-005', 'Course', 'digital', 149.00, NULL, '2023-03-01', false),
  (6, 'SKU-006', 'Sticker', 'merch', 1.50, 0.01, '2021-11-11', true),
  (7, 'SKU-007', 'T-shirt', 'merch', 19.95, 0.2, '2022-06-01', false),
  (8, 'SKU-008', 'Mug', 'merch', 12.00, 0.4, '2022-06-01', false),
  (9, 'SKU-009', 'Gift card', NULL, 50.00, NULL, '2023-11-24', false),
  (10, 'SKU-010', 'Sample', 'hardware', 0.00, 0.05, NULL, false);

CREATE TABLE orders (
  id integer PRIMARY KEY,
  user_id integer NOT NULL,
  ordered_at timestamp NOT NULL,
  status text NOT NULL,
  total numeric(12,2) NOT NULL,
  discount numeric(5,2),
  shipped_at timestamp with time zone
);

INSERT INTO orders VALUES
  (101, 1, '2023-01-20 10:15:00', 'delivered', 34.49, NULL, '2023-01-21 09:00:00+00'),
  (102, 1, '2023-02-14 18:30:00', 'delivered', 149.00, 10.00, '2023-02-15 12:00:00+00'),
  (103, 2, '2023-02-05 08:00:00', 'delivered', 9.99, NULL, '2023-02-06 08:30:00+00'),
  (104, 2, '2023-03-01 23:59:59', 'cancelled', 99.00, NULL, NULL),
  (105, 3, '2023-03-03 12:00:00', 'delivered', 45.45, 5.00, '2023-03-05 16:45:00+01'),
  (106, 4, '2023-03-15 09:20:00', 'shipped', 198.00, 0.00, '2023-03-16 10:00:00+03'),
  (107, 4, '2023-04-02 14:00:00', 'delivered', 12.00, NULL, '2023-04-03 11:11:11+03'),
  (108, 5, '2023-04-18 20:45:30', 'returned', 24.50, NULL, '2023-04-20 07:00:00-04'),
  (109, 6, '2023-05-05 05:05:05', 'delivered', 5.00, NULL, '2023-05-05 06:00:00+02'),
  (110, 7, '2023-06-01 00:00:00', 'delivered', 61.50, 2.50, '2023-06-02 00:00:00+08'),
  (111, 7, '2023-06-15 16:20:00', 'pending', 149.00, NULL, NULL),
  (112, 8, '2023-07-14 11:00:00', 'delivered', 39.90, NULL, '2023-07-15 15:30:00+02'),
  (113, 9, '2023-08-01 09:00:00', 'shipped', 1.50, NULL, '2023-08-02 09:00:00+00'),
  (114, 1, '2023-09-09 09:09:09', 'delivered', 250.00, 25.00, '2023-09-10 10:00:00-07'),
  (115, 10, '2024-01-02 13:37:00', 'delivered', 50.00, NULL, '2024-01-02 18:00:00-05'),
  (116, 11, '2024-02-29 12:00:00', 'delivered', 124.50, 12.45, '2024-03-01 09:00:00+09'),
  (117, 11, '2024-03-31 23:00:00', 'pending', 19.95, NULL, NULL),
  (118, 2, '2024-06-30 10:10:10', 'delivered', 99.00, NULL, '2024-07-01 10:10:10+01'),
  (119, 4, '2024-11-29 00:00:01', 'shipped', 300.00, 30.00, '2024-11-30 12:00:00+03'),
  (120, 12, '2024-12-31 23:59:59', 'pending', 0.00, NULL, NULL);

CREATE TABLE order_items (
  order_id integer NOT NULL,
  line_no integer NOT NULL,
  product_id integer NOT NULL,
  quantity integer NOT NULL,
  unit_price numeric(10,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

INSERT INTO order_items VALUES
  (101, 1, 2, 1, 24.50), (101, 2, 1, 1, 9.99),
  (102, 1, 5, 1, 149.00),
  (103, 1, 1, 1, 9.99),
  (104, 1, 3, 1, 99.00),
  (105, 1, 7, 1, 19.95), (105, 2, 2, 1, 24.50), (105, 3, 6, 1, 1.00),
  (106, 1, 3, 2, 99.00),
  (107, 1, 8, 1, 12.00),
  (108, 1, 2, 1, 24.50),
  (109, 1, 4, 1, 5.00),
  (110, 1, 2, 2, 24.50), (110, 2, 8, 1, 12.50),
  (111, 1, 5, 1, 149.00),
  (112, 1, 7, 2, 19.95),
  (113, 1, 6, 1, 1.50),
  (114, 1, 3, 2, 99.00), (114, 2, 9, 1, 50.00), (114, 3, 10, 3, 0.00),
  (115, 1, 9, 1, 50.00),
  (116, 1, 3, 1, 99.00), (116, 2, 2, 1, 24.50), (116, 3, 10, 1, 1.00),
  (117, 1, 7, 1, 19.95),
  (118, 1, 3, 1, 99.00),
  (119, 1, 5, 2, 150.00),
  (120, 1, 10, 5, 0.00);

CREATE TABLE events (
  id bigint PRIMARY KEY,
  user_id integer,
  event_type text NOT NULL,
  occurred_at timestamp with time zone NOT NULL,
  properties json,
  duration_ms integer
);

INSERT INTO events VALUES
  (1, 1, 'page_view', '2023-01-15 10:00:00+00', '{"page": "/home", "device": {"os": "ios", "version": 17}, "tags": ["new", "mobile"], "value": 1.5}', 1200),
  (2, 1, 'click', '2023-01-15 10:00:05+00', '{"page": "/home", "button": "signup", "device": {"os": "ios", "version": 17}}', 80),
  (3, 1, 'purchase', '2023-01-20 10:16:00+00', '{"order_id": 101, "amount": 34.49, "currency": "USD"}', NULL),
  (4, 2, 'page_view', '2023-02-03 08:00:00+00', '{"page": "/pricing", "device": {"os": "android", "version": 13}, "tags": ["mobile"]}', 3400),
  (5, 2, 'page_view', '2023-02-03 08:01:30+00', '{"page": "/home", "device": {"os": "android", "version": 13}}', 950),
  (6, 2, 'purchase', '2023-02-05 08:01:00+00', '{"order_id": 103, "amount": 9.99, "currency": "GBP"}', NULL),
  (7, 3, 'page_view', '2023-02-28 23:59:59+00', '{"page": "/blog/post-1", "device": {"os": "windows", "version": 11}, "referrer": null}', 15000),
  (8, 3, 'click', '2023-03-01 00:00:10+00', '{"page": "/blog/post-1", "button": "share"}', 45),
  (9, 4, 'page_view', '2023-03-10 06:30:00+03', '{"page": "/home", "device": {"os": "linux"}, "tags": []}', 2100),
  (10, 4, 'purchase', '2023-03-15 09:21:00+03', '{"order_id": 106, "amount": 198.0, "currency": "RUB", "coupon": "SPRING"}', NULL),
  (11, 5, 'page_view', '2023-04-18 20:40:00-04', '{"page": "/products/2", "device": {"os": "macos", "version": 13.4}}', 5100),
  (12, 5, 'purchase', '2023-04-18 20:46:00-04', '{"order_id": 108, "amount": 24.5, "currency": "USD"}', NULL),
  (13, 5, 'refund', '2023-04-25 10:00:00-04', '{"order_id": 108, "amount": 24.5, "reason": "damaged"}', NULL),
  (14, 6, 'page_view', '2023-05-05 05:00:00+02', '{"page": "/home", "device": {"os": "ios", "version": 16}, "tags": ["returning"]}', 700),
  (15, 7, 'page_view', '2023-06-01 00:00:00+08', '{"page": "/home", "device": {"os": "android", "version": 14}}', 300),
  (16, 7, 'click', '2023-06-01 00:00:30+08', '{"page": "/home", "button": "buy"}', 60),
  (17, 7, 'purchase', '2023-06-01 00:01:00+08', '{"order_id": 110, "amount": 61.5, "currency": "CNY"}', NULL),
  (18, 8, 'page_view', '2023-07-14 10:59:00+02', '{"page": "/fr/accueil", "device": {"os": "ios", "version": 17}, "lang": "fr-FR"}', 4200),
  (19, 9, 'page_view', '2023-08-01 08:59:00+00', '{"page": "/home"}', NULL),
  (20, 10, 'signup', '2024-01-01 00:00:01-05', '{"plan": "pro", "trial": true}', 25000),
  (21, 11, 'signup', '2024-02-29 09:00:00+09', '{"plan": "free", "trial": false}', 18000),
  (22, 11, 'purchase', '2024-02-29 12:01:00+09', '{"order_id": 116, "amount": 124.5, "currency": "KRW"}', NULL),
  (23, 12, 'signup', '2024-12-31 23:00:00+00', '{"plan": "free", "trial": null}', 9000),
  (24, NULL, 'page_view', '2024-06-01 12:00:00+00', '{"page": "/home", "device": {"os": "bot"}}', 10),
  (25, NULL, 'error', '2024-06-01 12:00:01+00', NULL, NULL);

CREATE TABLE calendar (
  day date PRIMARY KEY,
  is_holiday boolean NOT NULL,
  note text
);

INSERT INTO calendar VALUES
  ('2023-01-01', true, 'New Year'),
  ('2023-02-14', false, 'Valentine''s Day'),
  ('2023-02-28', false, NULL),
  ('2023-03-01', false, NULL),
  ('2023-07-04', true, 'Independence Day'),
  ('2023-12-25', true, 'Christmas'),
  ('2023-12-31', false, 'New Year''s Eve'),
  ('2024-01-01', true, 'New Year'),
  ('2024-02-28', false, NULL),
  ('2024-02-29', false, 'Leap day'),
  ('2024-03-01', false, NULL),
  ('2024-12-31', false, NULL);

CREATE TABLE edge_values (
  id integer PRIMARY KEY,
  i integer,
  b bigint,
  f double precision,
  n numeric(20,6),
  t text
);

INSERT INTO edge_values VALUES
  (1, 0, 0, 0, 0, ''),
  (2, 2147483647, 9223372036854775807, 1e308, 99999999999999.999999, 'max'),
  (3, -2147483648, -9223372036854775808, -2.5e-300, -99999999999999.999999, 'min'),
  (4, NULL, NULL, NULL, NULL, NULL),
  (5, 42, 42, 'NaN', 42.5, 'NaN'),
  (6, -7, -7, 'Infinity', -0.000001, '  padded  '),
  (7, 7, 3, '-Infinity', 0.5, 'O''Brien; "quoted"');
