package dev.mallard.engine.databases;

import java.util.Map;

/**
 * A parsed database statement (PostgreSQL's CREATE DATABASE, DROP DATABASE and ALTER DATABASE).
 * These change the server's set of tenants, not a tenant, so they never reach DuckDB. Option
 * and setting names are lower case; a value of null stands for DEFAULT.
 */
public sealed interface DatabaseStatement {

  /** CREATE DATABASE name [WITH] option [=] value ... */
  record Create(String name, Map<String, String> options) implements DatabaseStatement {}

  /** DROP DATABASE [IF EXISTS] name. */
  record Drop(String name, boolean ifExists) implements DatabaseStatement {}

  /** ALTER DATABASE name RENAME TO newName. */
  record Rename(String name, String newName) implements DatabaseStatement {}

  /** ALTER DATABASE name OWNER TO role; a null role is CURRENT_USER / SESSION_USER. */
  record Owner(String name, String role) implements DatabaseStatement {}

  /** ALTER DATABASE name [WITH] CONNECTION LIMIT n / ALLOW_CONNECTIONS b / IS_TEMPLATE b. */
  record Alter(String name, Map<String, String> options) implements DatabaseStatement {}

  /**
   * ALTER DATABASE name SET setting TO value (value null: SET ... TO DEFAULT or RESET setting);
   * a null setting is RESET ALL.
   */
  record Set(String name, String setting, String value) implements DatabaseStatement {}
}
