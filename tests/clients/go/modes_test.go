package clients

import (
	"fmt"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Each of pgx's query exec modes uses the extended protocol differently: named prepared
// statements (cache), Describe of an unnamed statement (describe), or text parameters typed by
// the Go values alone with no Describe (exec).
func TestQueryExecModes(t *testing.T) {
	modes := map[string]pgx.QueryExecMode{
		"cache_statement": pgx.QueryExecModeCacheStatement,
		"cache_describe":  pgx.QueryExecModeCacheDescribe,
		"describe_exec":   pgx.QueryExecModeDescribeExec,
		"exec":            pgx.QueryExecModeExec,
		"simple_protocol": pgx.QueryExecModeSimpleProtocol,
	}
	for name, mode := range modes {
		t.Run(name, func(t *testing.T) {
			conn := connect(t, func(c *pgx.ConnConfig) { c.DefaultQueryExecMode = mode })
			for round := 1; round <= 2; round++ { // the second round reuses cached statements
				var n int64
				var s string
				err := conn.QueryRow(ctx(t), "SELECT $1::int8 + $2::int8, upper($3::text)",
					int64(40), int64(round), "duck").Scan(&n, &s)
				if err != nil || n != int64(40+round) || s != "DUCK" {
					t.Fatalf("round %d: %d %q %v", round, n, s, err)
				}
			}
		})
	}
}

// pgx learns a type it has no built-in codec for (an enum, a domain, a composite) from pg_type
// through LoadType, as applications do at connect time.
func TestLoadEnumType(t *testing.T) {
	conn := connect(t)
	mood := fmt.Sprintf("go_mood_%d", os.Getpid())
	if _, err := conn.Exec(ctx(t), "CREATE TYPE "+mood+" AS ENUM ('sad', 'ok', 'happy')"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Exec(ctx(t), "DROP TYPE IF EXISTS "+mood) })
	typ, err := conn.LoadType(ctx(t), mood)
	if err != nil {
		t.Fatal(err)
	}
	conn.TypeMap().RegisterType(typ)
	var got string
	if err := conn.QueryRow(ctx(t), "SELECT 'happy'::"+mood).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != "happy" {
		t.Fatalf("got %q, want happy", got)
	}
}
