package clients

import (
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// pgx's default mode prepares every statement and reads results in binary, so these scans go
// through Mallard's binary codecs; the simple-protocol test covers the text forms.
func TestTypedScan(t *testing.T) {
	conn := connect(t)
	var (
		i2   int16
		i4   int32
		i8   int64
		f4   float32
		f8   float64
		num  pgtype.Numeric
		b    bool
		s    string
		d    time.Time
		ts   time.Time
		tstz time.Time
		u    [16]byte
		by   []byte
		j    map[string]any
		arr  []int32
		iv   pgtype.Interval
		null *int32
	)
	err := conn.QueryRow(ctx(t), `SELECT 12::int2, 2147483647::int4, 9007199254740993::int8,
		1.5::float4, 0.1::float8, 12345.67::numeric(10,2), true, 'héllo'::text,
		DATE '2024-02-29', TIMESTAMP '2024-01-02 03:04:05.678901',
		TIMESTAMPTZ '2024-01-02 03:04:05+00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid,
		$1::bytea, '{"a": [1, 2]}'::json, [1, 2, 3]::int4[], INTERVAL '1 day 02:03:04',
		NULL::int4`, []byte{0, 1, 255}).
		Scan(&i2, &i4, &i8, &f4, &f8, &num, &b, &s, &d, &ts, &tstz, &u, &by, &j, &arr, &iv, &null)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %#v, want %#v", name, got, want)
		}
	}
	check("int2", i2, int16(12))
	check("int4", i4, int32(2147483647))
	check("int8", i8, int64(9007199254740993))
	check("float4", f4, float32(1.5))
	check("float8", f8, 0.1)
	check("numeric", num, pgtype.Numeric{Int: big.NewInt(1234567), Exp: -2, Valid: true})
	check("bool", b, true)
	check("text", s, "héllo")
	check("date", d, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
	check("timestamp", ts, time.Date(2024, 1, 2, 3, 4, 5, 678901000, time.UTC))
	check("timestamptz", tstz.UTC(), time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))
	check("uuid", fmt.Sprintf("%x", u), "a0eebc999c0b4ef8bb6d6bb9bd380a11")
	check("bytea", by, []byte{0, 1, 255})
	check("json", j, map[string]any{"a": []any{1.0, 2.0}})
	check("int4[]", arr, []int32{1, 2, 3})
	check("interval", iv, pgtype.Interval{Days: 1, Microseconds: 7384 * 1e6, Valid: true})
	check("null", null, (*int32)(nil))
}

func TestSimpleProtocolParameters(t *testing.T) {
	conn := connect(t, func(c *pgx.ConnConfig) {
		c.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	})
	var n int64
	var s string
	var when time.Time
	err := conn.QueryRow(ctx(t), "SELECT $1::int8 * 2, $2::text || '!', $3::timestamptz",
		int64(21), "it's", time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)).Scan(&n, &s, &when)
	if err != nil {
		t.Fatal(err)
	}
	if n != 42 || s != "it's!" || !when.Equal(time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Fatalf("got %d %q %v", n, s, when)
	}
}

type item struct {
	ID    int32
	Name  *string
	Price float64
}

func TestQueryWithParamsCollectRows(t *testing.T) {
	conn := connect(t)
	tbl := table(t, conn, "(id int4, name text, price float8)")
	for i, name := range []any{"duck", nil, "goose"} {
		if _, err := conn.Exec(ctx(t), "INSERT INTO "+tbl+" VALUES ($1, $2, $3)", i+1, name,
			float64(i)+0.5); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := conn.Query(ctx(t), "SELECT id, name, price FROM "+tbl+" WHERE price > $1 ORDER BY id", 1.0)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByPos[item])
	if err != nil {
		t.Fatal(err)
	}
	goose := "goose"
	want := []item{{2, nil, 1.5}, {3, &goose, 2.5}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	if fields := rows.FieldDescriptions(); fields[0].Name != "id" || fields[0].DataTypeOID != 23 {
		t.Fatalf("field 0: %+v", fields[0])
	}
}

func TestBatch(t *testing.T) {
	conn := connect(t)
	tbl := table(t, conn, "(id int4)")
	batch := &pgx.Batch{}
	for i := 1; i <= 5; i++ {
		batch.Queue("INSERT INTO "+tbl+" VALUES ($1)", i)
	}
	batch.Queue("SELECT sum(id)::int8 FROM " + tbl)
	results := conn.SendBatch(ctx(t), batch)
	for i := 0; i < 5; i++ {
		tag, err := results.Exec()
		if err != nil || tag.String() != "INSERT 0 1" {
			t.Fatalf("insert %d: %v %v", i, tag, err)
		}
	}
	var sum int64
	if err := results.QueryRow().Scan(&sum); err != nil || sum != 15 {
		t.Fatalf("sum %d %v", sum, err)
	}
	if err := results.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCopyFrom(t *testing.T) {
	conn := connect(t)
	tbl := table(t, conn, "(id int8, name text, seen timestamptz, score float8)")
	base := time.Date(2024, 5, 6, 7, 8, 9, 500000, time.UTC)
	rows := make([][]any, 1000)
	for i := range rows {
		rows[i] = []any{int64(i), fmt.Sprintf("n%d", i), base.Add(time.Duration(i) * time.Second), float64(i) / 2}
	}
	rows[7][1] = nil
	n, err := conn.CopyFrom(ctx(t), pgx.Identifier{tbl}, []string{"id", "name", "seen", "score"},
		pgx.CopyFromRows(rows))
	if err != nil || n != 1000 {
		t.Fatalf("copied %d: %v", n, err)
	}
	var count, nulls int64
	var last time.Time
	var total float64
	err = conn.QueryRow(ctx(t), "SELECT count(*), count(*) FILTER (WHERE name IS NULL), max(seen), sum(score) FROM "+tbl).
		Scan(&count, &nulls, &last, &total)
	if err != nil {
		t.Fatal(err)
	}
	if count != 1000 || nulls != 1 || !last.Equal(base.Add(999*time.Second)) || total != 249750 {
		t.Fatalf("got %d %d %v %v", count, nulls, last, total)
	}
}

func TestCopyFromTimestampOnTheMinute(t *testing.T) {
	conn := connect(t)
	tbl := table(t, conn, "(seen timestamptz)")
	at := time.Date(2024, 5, 6, 7, 9, 0, 0, time.UTC)
	if _, err := conn.CopyFrom(ctx(t), pgx.Identifier{tbl}, []string{"seen"},
		pgx.CopyFromRows([][]any{{at}})); err != nil {
		t.Fatal(err)
	}
	var got time.Time
	if err := conn.QueryRow(ctx(t), "SELECT seen FROM "+tbl).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if !got.Equal(at) {
		t.Fatalf("copied %v, read back %v", at, got)
	}
}

func TestTransactions(t *testing.T) {
	conn := connect(t)
	tbl := table(t, conn, "(id int4)")
	c := ctx(t)
	err := pgx.BeginFunc(c, conn, func(tx pgx.Tx) error {
		_, err := tx.Exec(c, "INSERT INTO "+tbl+" VALUES (1)")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tx, err := conn.Begin(c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(c, "INSERT INTO "+tbl+" VALUES (2)"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(c); err != nil {
		t.Fatal(err)
	}
	var ids []int32
	rows, _ := conn.Query(c, "SELECT id FROM "+tbl)
	if ids, err = pgx.CollectRows(rows, pgx.RowTo[int32]); err != nil || !reflect.DeepEqual(ids, []int32{1}) {
		t.Fatalf("ids %v %v", ids, err)
	}
	// A nested pgx transaction is SAVEPOINT ... RELEASE SAVEPOINT.
	err = pgx.BeginFunc(c, conn, func(outer pgx.Tx) error {
		if _, err := outer.Exec(c, "INSERT INTO "+tbl+" VALUES (3)"); err != nil {
			return err
		}
		return pgx.BeginFunc(c, outer, func(inner pgx.Tx) error {
			var n int64
			if err := inner.QueryRow(c, "SELECT count(*) FROM "+tbl).Scan(&n); err != nil {
				return err
			}
			if n != 2 {
				t.Errorf("inside the savepoint: %d rows", n)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ = conn.Query(c, "SELECT id FROM "+tbl+" ORDER BY id")
	if ids, err = pgx.CollectRows(rows, pgx.RowTo[int32]); err != nil || !reflect.DeepEqual(ids, []int32{1, 3}) {
		t.Fatalf("ids after the nested transaction %v %v", ids, err)
	}
}

func TestErrorCodes(t *testing.T) {
	conn := connect(t)
	tbl := table(t, conn, "(id int4 PRIMARY KEY)")
	code := func(sql string) string {
		_, err := conn.Exec(ctx(t), sql)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) {
			t.Fatalf("%s: want a PgError, got %v", sql, err)
		}
		return pgErr.Code
	}
	if got := code("SELECT * FROM no_such_table_anywhere"); got != "42P01" {
		t.Errorf("undefined table: %s", got)
	}
	if got := code("SELEC 1"); got != "42601" {
		t.Errorf("syntax error: %s", got)
	}
	if _, err := conn.Exec(ctx(t), "INSERT INTO "+tbl+" VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	if got := code("INSERT INTO " + tbl + " VALUES (1)"); got != "23505" {
		t.Errorf("unique violation: %s", got)
	}
	var v int
	if err := conn.QueryRow(ctx(t), "SELECT 6 * 7").Scan(&v); err != nil || v != 42 {
		t.Fatalf("after errors: %d %v", v, err)
	}
}
