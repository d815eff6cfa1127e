-- Savepoints, cursors, prepared statements and settings inside a transaction. Each entry runs in a
-- transaction the harness opens (autocommit off) and rolls back, so none says BEGIN or COMMIT.

-- @id savepoint_rollback_to
INSERT INTO calendar VALUES ('2030-01-01', false, 'kept');
SAVEPOINT sp1;
INSERT INTO calendar VALUES ('2030-01-02', false, 'undone');
ROLLBACK TO SAVEPOINT sp1;
SELECT day, note FROM calendar WHERE day >= '2030-01-01' ORDER BY day;

-- @id savepoint_release
SAVEPOINT sp1;
INSERT INTO calendar VALUES ('2030-01-01', false, 'kept');
RELEASE SAVEPOINT sp1;
SELECT count(*) FROM calendar WHERE day = '2030-01-01';

-- @id savepoint_recovers_from_error
SAVEPOINT sp1;
SELECT * FROM no_such_table;
ROLLBACK TO SAVEPOINT sp1;
SELECT count(*) FROM users;

-- @id nested_savepoints
SAVEPOINT a;
INSERT INTO calendar VALUES ('2030-01-01', false, 'a');
SAVEPOINT b;
INSERT INTO calendar VALUES ('2030-01-02', false, 'b');
ROLLBACK TO SAVEPOINT a;
SELECT count(*) FROM calendar WHERE day >= '2030-01-01';

-- @id rollback_to_unknown_savepoint
ROLLBACK TO SAVEPOINT never_made;

-- @id error_aborts_transaction
SELECT * FROM no_such_table;
SELECT 1;

-- @id cursor_declare_fetch_close
DECLARE c1 CURSOR FOR SELECT id, total FROM orders ORDER BY id;
FETCH 3 FROM c1;
FETCH NEXT FROM c1;
CLOSE c1;

-- @id cursor_fetch_all_after_move
DECLARE c2 CURSOR FOR SELECT day FROM calendar ORDER BY day;
MOVE FORWARD 9 IN c2;
FETCH ALL FROM c2;

-- @id cursor_scroll_prior_absolute
DECLARE c3 SCROLL CURSOR FOR SELECT id FROM users ORDER BY id;
FETCH ABSOLUTE 5 FROM c3;
FETCH PRIOR FROM c3;
FETCH LAST FROM c3;

-- @id cursor_fetch_past_end
DECLARE c4 CURSOR FOR SELECT id FROM products WHERE id <= 2 ORDER BY id;
FETCH 5 FROM c4;
FETCH 1 FROM c4;

-- @id cursor_unknown
FETCH 1 FROM no_such_cursor;

-- @id prepare_execute_deallocate
PREPARE user_by_id (integer) AS SELECT name, country FROM users WHERE id = $1;
EXECUTE user_by_id(3);
EXECUTE user_by_id(8);
DEALLOCATE user_by_id;

-- @id prepare_without_types
PREPARE orders_over AS SELECT count(*) FROM orders WHERE total > $1;
EXECUTE orders_over(100);
DEALLOCATE orders_over;

-- @id set_local_time_zone
SET LOCAL TIME ZONE 'Asia/Tokyo';
SHOW TimeZone;
SELECT timestamptz '2024-01-01 00:00:00+00';

-- @id set_config_and_current_setting
SELECT set_config('myapp.tenant', 'acme', true);
SELECT current_setting('myapp.tenant');

-- @id set_search_path_to_new_schema
CREATE SCHEMA tx_s1;
SET LOCAL search_path TO tx_s1, public;
CREATE TABLE tx_t1 (id int);
INSERT INTO tx_t1 SELECT id FROM users WHERE id < 4;
SELECT count(*) FROM tx_s1.tx_t1;

-- @id show_transaction_isolation
SHOW transaction_isolation;

-- @id set_transaction_read_only
SET TRANSACTION READ ONLY;
INSERT INTO calendar VALUES ('2030-01-01', false, NULL);

-- @id select_for_update
SELECT id, status FROM orders WHERE id = 101 FOR UPDATE;

-- @id statement_timeout_setting
SET LOCAL statement_timeout = '5s';
SHOW statement_timeout;
