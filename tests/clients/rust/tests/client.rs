//! tokio-postgres against a running Mallard: typed binary rows, prepared statements, the simple
//! protocol, binary COPY in and text COPY out, transactions and error codes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use futures_util::{pin_mut, TryStreamExt};
use mallard_client_rust::{connect, sqlstate, table_name};
use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::types::Type;
use tokio_postgres::SimpleQueryMessage;

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32, micros: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_micro_opt(h, mi, s, micros).unwrap()
}

#[tokio::test]
async fn typed_rows_decode_from_binary() {
    let client = connect().await;
    let row = client
        .query_one(
            "SELECT 12::int2, 2147483647::int4, 9007199254740993::int8, 1.5::float4, 0.1::float8,
                    true, 'héllo'::text, $1::bytea, DATE '2024-02-29',
                    TIMESTAMP '2024-01-02 03:04:05.678901', TIMESTAMPTZ '2024-01-02 03:04:05+00',
                    [1, NULL, 3]::int4[], NULL::int4",
            &[&vec![0u8, 1, 255]],
        )
        .await
        .expect("query");
    assert_eq!(row.get::<_, i16>(0), 12);
    assert_eq!(row.get::<_, i32>(1), 2147483647);
    assert_eq!(row.get::<_, i64>(2), 9007199254740993);
    assert_eq!(row.get::<_, f32>(3), 1.5);
    assert_eq!(row.get::<_, f64>(4), 0.1);
    assert!(row.get::<_, bool>(5));
    assert_eq!(row.get::<_, String>(6), "héllo");
    assert_eq!(row.get::<_, Vec<u8>>(7), vec![0, 1, 255]);
    assert_eq!(row.get::<_, NaiveDate>(8), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
    assert_eq!(row.get::<_, NaiveDateTime>(9), at(2024, 1, 2, 3, 4, 5, 678901));
    assert_eq!(row.get::<_, DateTime<Utc>>(10), at(2024, 1, 2, 3, 4, 5, 0).and_utc());
    assert_eq!(row.get::<_, Vec<Option<i32>>>(11), vec![Some(1), None, Some(3)]);
    assert_eq!(row.get::<_, Option<i32>>(12), None);
    let types: Vec<Type> = row.columns().iter().map(|c| c.type_().clone()).collect();
    assert_eq!(
        types,
        [
            Type::INT2, Type::INT4, Type::INT8, Type::FLOAT4, Type::FLOAT8, Type::BOOL, Type::TEXT,
            Type::BYTEA, Type::DATE, Type::TIMESTAMP, Type::TIMESTAMPTZ, Type::INT4_ARRAY,
            Type::INT4
        ]
    );
}

#[tokio::test]
async fn prepared_statement_describes_and_reruns() {
    let client = connect().await;
    let t = table_name();
    client
        .batch_execute(&format!(
            "CREATE TABLE {t} (id int4, name text, seen timestamp);
             INSERT INTO {t} VALUES (1, 'duck', TIMESTAMP '2024-01-01 00:00:01'),
                                    (2, 'goose', NULL), (3, NULL, NULL)"
        ))
        .await
        .expect("setup");
    let stmt = client
        .prepare(&format!("SELECT id, name, seen FROM {t} WHERE id >= $1 ORDER BY id"))
        .await
        .expect("prepare");
    assert_eq!(stmt.params(), &[Type::INT4]);
    let names: Vec<&str> = stmt.columns().iter().map(|c| c.name()).collect();
    assert_eq!(names, ["id", "name", "seen"]);
    let fetch = |from: i32| {
        let (client, stmt) = (&client, &stmt);
        async move {
            client
                .query(stmt, &[&from])
                .await
                .expect("query")
                .iter()
                .map(|r| (r.get::<_, i32>(0), r.get::<_, Option<String>>(1),
                          r.get::<_, Option<NaiveDateTime>>(2)))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(fetch(2).await, vec![(2, Some("goose".into()), None), (3, None, None)]);
    assert_eq!(fetch(1).await[0], (1, Some("duck".into()), Some(at(2024, 1, 1, 0, 0, 1, 0))));
    let typed = client.prepare_typed("SELECT $1 + 1", &[Type::INT8]).await.expect("typed");
    assert_eq!(client.query_one(&typed, &[&41i64]).await.expect("run").get::<_, i64>(0), 42);
    client.batch_execute(&format!("DROP TABLE {t}")).await.expect("drop");
}

#[tokio::test]
async fn simple_query_returns_text() {
    let client = connect().await;
    let messages = client.simple_query("SELECT 1 AS a, 'x' AS b; SELECT 2.5::float8").await.unwrap();
    let rows: Vec<Vec<Option<String>>> = messages
        .iter()
        .filter_map(|m| match m {
            SimpleQueryMessage::Row(r) => {
                Some((0..r.len()).map(|i| r.get(i).map(str::to_string)).collect())
            }
            _ => None,
        })
        .collect();
    assert_eq!(rows, vec![vec![Some("1".into()), Some("x".into())], vec![Some("2.5".into())]]);
}

#[tokio::test]
async fn binary_copy_in_and_text_copy_out() {
    let client = connect().await;
    let t = table_name();
    client
        .batch_execute(&format!("CREATE TABLE {t} (id int4, name text, seen timestamp)"))
        .await
        .unwrap();
    let sink = client.copy_in(&format!("COPY {t} (id, name, seen) FROM STDIN BINARY")).await.unwrap();
    let writer = BinaryCopyInWriter::new(sink, &[Type::INT4, Type::TEXT, Type::TIMESTAMP]);
    pin_mut!(writer);
    for i in 0..500i32 {
        let name = if i % 100 == 0 { None } else { Some(format!("n{i}")) };
        let seen = at(2024, 1, 1, 0, 0, 1, 0) + chrono::Duration::seconds(i64::from(i) * 61);
        writer.as_mut().write(&[&i, &name, &seen]).await.unwrap();
    }
    assert_eq!(writer.finish().await.unwrap(), 500);
    let out = client
        .copy_out(&format!("COPY (SELECT id, name FROM {t} WHERE id < 3 ORDER BY id) TO STDOUT"))
        .await
        .unwrap();
    pin_mut!(out);
    let mut text = Vec::new();
    while let Some(chunk) = out.try_next().await.unwrap() {
        text.extend_from_slice(&chunk);
    }
    assert_eq!(String::from_utf8(text).unwrap(), "0\t\\N\n1\tn1\n2\tn2\n");
    let row = client
        .query_one(&format!("SELECT count(*), count(name), max(seen) FROM {t}"), &[])
        .await
        .unwrap();
    assert_eq!(row.get::<_, i64>(0), 500);
    assert_eq!(row.get::<_, i64>(1), 495);
    assert_eq!(row.get::<_, NaiveDateTime>(2), at(2024, 1, 1, 8, 27, 20, 0));
    client.batch_execute(&format!("DROP TABLE {t}")).await.unwrap();
}

#[tokio::test]
async fn transactions_commit_and_roll_back() {
    let mut client = connect().await;
    let t = table_name();
    client.batch_execute(&format!("CREATE TABLE {t} (id int4)")).await.unwrap();
    let tx = client.transaction().await.unwrap();
    tx.execute(&format!("INSERT INTO {t} VALUES (1)"), &[]).await.unwrap();
    tx.commit().await.unwrap();
    let tx = client.transaction().await.unwrap();
    tx.execute(&format!("INSERT INTO {t} VALUES (2)"), &[]).await.unwrap();
    tx.rollback().await.unwrap();
    let ids: Vec<i32> =
        client.query(&format!("SELECT id FROM {t}"), &[]).await.unwrap().iter().map(|r| r.get(0)).collect();
    assert_eq!(ids, vec![1]);

    // A nested transaction is SAVEPOINT sp_1 ... RELEASE sp_1.
    let mut outer = client.transaction().await.unwrap();
    outer.execute(&format!("INSERT INTO {t} VALUES (3)"), &[]).await.unwrap();
    let inner = outer.transaction().await.unwrap();
    let n: i64 = inner.query_one(&format!("SELECT count(*) FROM {t}"), &[]).await.unwrap().get(0);
    assert_eq!(n, 2);
    inner.commit().await.unwrap();
    outer.commit().await.unwrap();
    let mut ids: Vec<i32> =
        client.query(&format!("SELECT id FROM {t}"), &[]).await.unwrap().iter().map(|r| r.get(0)).collect();
    ids.sort();
    assert_eq!(ids, vec![1, 3]);
    client.batch_execute(&format!("DROP TABLE {t}")).await.unwrap();
}

#[tokio::test]
async fn errors_carry_sqlstate() {
    let client = connect().await;
    let t = table_name();
    let err = client.query("SELECT * FROM no_such_table_anywhere", &[]).await.unwrap_err();
    assert_eq!(sqlstate(&err), "42P01");
    let err = client.batch_execute("SELEC 1").await.unwrap_err();
    assert_eq!(sqlstate(&err), "42601");
    client.batch_execute(&format!("CREATE TABLE {t} (id int4 PRIMARY KEY)")).await.unwrap();
    client.execute(&format!("INSERT INTO {t} VALUES (1)"), &[]).await.unwrap();
    let err = client.execute(&format!("INSERT INTO {t} VALUES (1)"), &[]).await.unwrap_err();
    assert_eq!(sqlstate(&err), "23505");
    assert_eq!(client.query_one("SELECT 6 * 7", &[]).await.unwrap().get::<_, i32>(0), 42);
    client.batch_execute(&format!("DROP TABLE {t}")).await.unwrap();
}
