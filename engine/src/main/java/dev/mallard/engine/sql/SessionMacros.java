package dev.mallard.engine.sql;

import java.util.List;

/**
 * What each session's DuckDB connection is given before its first statement so that rewritten
 * SQL has PostgreSQL's semantics: settings that change DuckDB's answers, and TEMP macros the rules
 * call.
 */
public final class SessionMacros {
  private SessionMacros() {}

  public static List<String> statements() {
    List<String> all = new java.util.ArrayList<>(List.of(
        // PostgreSQL divides integers as integers: 5 / 2 = 2 (DuckDB would say 2.5)
        "SET integer_division = true",
        // PostgreSQL sorts NULLs as larger than any value: last ascending, first descending
        "SET default_null_order = 'nulls_last_on_asc_first_on_desc'",
        "CREATE OR REPLACE TEMP MACRO " + DivisionByZero.GUARD + "(divisor) AS CASE WHEN divisor = 0"
            + " THEN error('division by zero') ELSE divisor END",
        // initcap: upper-case the first letter of each run of letters and digits, lower the rest
        "CREATE OR REPLACE TEMP MACRO initcap(s) AS array_to_string(list_transform("
            + "regexp_extract_all(s, '[[:alnum:]]+|[^[:alnum:]]+'),"
            + " w -> upper(w[1]) || lower(w[2:])), '')",
        "CREATE OR REPLACE TEMP MACRO btrim(s) AS trim(s), (s, characters) AS trim(s, characters)",
        // array_remove(a, NULL) removes the NULLs, hence IS DISTINCT FROM
        "CREATE OR REPLACE TEMP MACRO array_remove(a, v) AS list_filter(a, e -> e IS DISTINCT FROM v)",
        // json_typeof's names for DuckDB's json_type
        // (SQL NULL, a missing key's ->, gives NULL)
        "CREATE OR REPLACE TEMP MACRO json_typeof(j) AS CASE json_type(j) WHEN 'OBJECT' THEN 'object'"
            + " WHEN 'ARRAY' THEN 'array' WHEN 'VARCHAR' THEN 'string' WHEN 'BOOLEAN' THEN 'boolean'"
            + " WHEN 'NULL' THEN 'null' WHEN 'BIGINT' THEN 'number' WHEN 'UBIGINT' THEN 'number'"
            + " WHEN 'DOUBLE' THEN 'number' END"));
    all.addAll(PgFunctionMacros.statements());
    all.add(
        // jsonb || jsonb: keys of the right object replace the left's (not recursively, unlike
        // json_merge_patch); arrays are appended
        "CREATE OR REPLACE TEMP MACRO " + JsonOperators.CONCAT + "(a, b) AS " + JsonbCasts.MACRO + "(CASE"
            + " WHEN a IS NULL OR b IS NULL THEN NULL::JSON"
            + " WHEN json_type(a) = 'OBJECT' AND json_type(b) = 'OBJECT' THEN to_json(map_concat("
            + "json_transform(a, '\"MAP(VARCHAR, JSON)\"'), json_transform(b, '\"MAP(VARCHAR, JSON)\"')))"
            + " WHEN json_type(a) = 'ARRAY' AND json_type(b) = 'ARRAY' THEN to_json(list_concat("
            + "json_transform(a, '[\"JSON\"]'), json_transform(b, '[\"JSON\"]')))"
            + " ELSE error('invalid concatenation of jsonb objects') END)");
    return all;
  }
}
