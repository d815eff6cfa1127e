//! Shared by the tokio-postgres tests: the connection tests/clients/run.sh set up, fresh table
//! names, and the known-gap check.

use std::sync::atomic::{AtomicU32, Ordering};
use tokio_postgres::{Client, NoTls};

fn env(key: &str, default: Option<&str>) -> String {
    match (std::env::var(key), default) {
        (Ok(v), _) if !v.is_empty() => v,
        (_, Some(d)) => d.to_string(),
        _ => panic!("{key} is not set: run through tests/clients/run.sh"),
    }
}

/// A connection over plain TCP (tokio-postgres needs an extra TLS crate otherwise); its
/// connection task runs on the test's runtime.
pub async fn connect() -> Client {
    let config = format!(
        "host={} port={} user={} password={} dbname={} connect_timeout=10",
        env("MALLARD_HOST", None),
        env("MALLARD_PORT", None),
        env("MALLARD_USER", Some("postgres")),
        env("MALLARD_PASSWORD", None),
        env("MALLARD_DATABASE", Some("postgres")),
    );
    let (client, connection) = tokio_postgres::connect(&config, NoTls).await.expect("connect");
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            eprintln!("connection ended: {e}");
        }
    });
    client
}

static TABLES: AtomicU32 = AtomicU32::new(0);

/// A table name no other run or client uses at the same time.
pub fn table_name() -> String {
    format!("rs_{}_{}", std::process::id(), TABLES.fetch_add(1, Ordering::Relaxed))
}

/// A check the server cannot pass yet: it must fail with an error whose Debug text (which holds
/// the server's message, unlike tokio-postgres's terse Display) contains `expected` (the answer observed when the gap was recorded). Passing panics, so the gap gets
/// removed; failing another way panics too. MALLARD_IGNORE_GAPS=1 treats it as an ordinary
/// check, to see the raw error.
pub fn known_gap<T: std::fmt::Debug, E: std::fmt::Debug>(
    reason: &str,
    expected: &str,
    outcome: Result<T, E>,
) {
    if std::env::var_os("MALLARD_IGNORE_GAPS").is_some() {
        outcome.expect("check under a known gap");
        return;
    }
    match outcome {
        Ok(v) => panic!("XPASS ({v:?}): works now; remove its known gap ({reason})"),
        Err(e) if format!("{e:?}").contains(expected) => eprintln!("known gap: {reason}"),
        Err(e) => panic!("known gap ({reason}) now fails differently: {e:?}"),
    }
}

/// The SQLSTATE of a failed statement.
pub fn sqlstate(e: &tokio_postgres::Error) -> String {
    e.code().map(|c| c.code().to_string()).unwrap_or_else(|| format!("no SQLSTATE: {e}"))
}
