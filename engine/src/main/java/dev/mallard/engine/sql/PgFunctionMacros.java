package dev.mallard.engine.sql;

import java.util.List;

/**
 * Session macros for PostgreSQL functions DuckDB lacks, or has under the same name with other
 * arguments or answers (those are reached through {@link FunctionNames#SHADOWED}'s pg_ names).
 * Each follows PostgreSQL 15's documented behaviour; where DuckDB cannot say the same thing the
 * macro raises an error rather than answer differently.
 */
final class PgFunctionMacros {
  private PgFunctionMacros() {}

  private static String macro(String signatureAndBody) {
    return "CREATE OR REPLACE TEMP MACRO " + signatureAndBody;
  }

  /**
   * ANY / ALL of {@code predicate} (over x and each element p of a) with SQL's three values: ANY
   * is true when one is true, else NULL when one is NULL; ALL false when one is false, else NULL
   * when one is NULL; over an empty array ANY is false and ALL true.
   */
  private static String quantified(String name, String predicate, boolean all) {
    String nulls = " WHEN list_bool_or(list_transform(a, p -> (" + predicate + ") IS NULL)) THEN NULL";
    return name + "(x, a) AS CASE WHEN a IS NULL THEN NULL" + (all
        ? " WHEN list_bool_or(list_transform(a, p -> NOT (" + predicate + "))) THEN false" + nulls
            + " ELSE true END"
        : " WHEN list_bool_or(list_transform(a, p -> " + predicate + ")) THEN true" + nulls
            + " ELSE false END");
  }

  /** Overloads on t: integers and floats give {@code asFloat8}, DECIMAL {@code asNumeric}. */
  private static String byNumericType(String name, String asFloat8, String asNumeric) {
    StringBuilder sql = new StringBuilder(name);
    String sep = "";
    for (String type : List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT",
        "DOUBLE")) {
      sql.append(sep).append("(x, t ").append(type).append(") AS ").append(asFloat8);
      sep = ", ";
    }
    sql.append(", (x, t DECIMAL) AS ").append(asNumeric);
    sql.append(", (x, t) AS ").append(name.substring(3)).append("(x)");
    return sql.toString();
  }

  /**
   * array_dims: '[1:n]' per dimension (lower bounds are 1 here), read from the array's JSON form,
   * where an inner array's length is known at run time; up to PostgreSQL's six dimensions.
   */
  private static String arrayDims() {
    StringBuilder dims = new StringBuilder();
    String path = "$";
    for (int d = 1; d <= 6; d++) {
      String length = "'[1:' || json_array_length(to_json(a), '" + path + "') || ']'";
      dims.append(d == 1 ? length : " || CASE WHEN json_type(to_json(a), '" + path + "') = 'ARRAY' THEN "
          + length);
      path += "[0]";
    }
    dims.append(" ELSE '' END".repeat(5));
    return "array_dims(a) AS CASE WHEN len(a) > 0 THEN " + dims + " END";
  }

  /** pg_avg_result(r, s, c, x): numeric for x's integer and DECIMAL types, else r. */
  private static String avgResult() {
    StringBuilder sql = new StringBuilder("pg_avg_result");
    String sep = "";
    for (String type : List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT")) {
      sql.append(sep).append("(r, s, c, x ").append(type).append(") AS pg_avg16(s, c)");
      sep = ", ";
    }
    return sql + ", (r, s, c, x DECIMAL) AS pg_avg16(s, c),"
        + " (r, s, c, x FLOAT) AS r, (r, s, c, x DOUBLE) AS r, (r, s, c, x) AS r";
  }

  /**
   * json and jsonb functions and operators answered by the Java functions of {@link
   * JsonFunctions}; before the macros that call them.
   */
  private static List<String> jsonMacros() {
    return List.of(
        macro(JsonbCasts.MACRO + "(j) AS " + jsonCall(JsonFunctions.JSONB_IN, "(j)")),
        macro(JsonOperators.FIELD + "(j, k, p) AS "
            + ownText(jsonCall("mallard_json_field", "(j), CAST(k AS VARCHAR)"))),
        macro(JsonOperators.ELEMENT + "(j, n, p) AS "
            + ownText(jsonCall("mallard_json_element", "(j), CAST(n AS VARCHAR)"))),
        macro(JsonOperators.PATH + "(j, q, p) AS "
            + ownText(jsonCall("mallard_json_path", "(j), CAST(to_json(q) AS VARCHAR)"))),
        // jsonb - key, jsonb - keys, jsonb - index (see JsonbEdits.delete)
        macro(JsonbResults.DELETE + "(j, k) AS " + jsonCall("mallard_jsonb_delete", "(j), CAST(to_json(k) AS VARCHAR)")),
        macro("json_strip_nulls(j) AS " + jsonCall("mallard_json_strip_nulls", "(j)")),
        macro("jsonb_strip_nulls(j) AS " + jsonCall("mallard_jsonb_strip_nulls", "(j)")),
        // jsonb_set's create_missing defaults to true; the path is a text[] or its text
        macro("jsonb_set(j, p, v) AS " + jsonbSet("'true'") + ", (j, p, v, c) AS "
            + jsonbSet("CAST(c AS VARCHAR)")),
        macro("jsonb_path_query_first(j, p) AS "
            + jsonCall("mallard_jsonb_path_query_first", "(j), CAST(p AS VARCHAR)")));
  }

  /**
   * The value at DuckDB's JSONPath p (NULL when there is none to use) with its own text, through
   * {@code javaCall} only where DuckDB's would differ: DuckDB reprints what it extracts, which for
   * integers, booleans, null, and strings of a document without escapes is the same text, and
   * that is most values; missing ones are NULL at once.
   */
  private static String ownText(String javaCall) {
    String value = "json_extract(j, p)";
    return "CASE WHEN p IS NOT NULL AND " + value + " IS NULL THEN NULL::JSON"
        + " WHEN p IS NOT NULL AND (json_type(" + value + ") IN ('BIGINT', 'UBIGINT', 'BOOLEAN',"
        + " 'NULL') OR json_type(" + value + ") = 'VARCHAR' AND NOT contains(CAST(j AS VARCHAR),"
        + " '\\')) THEN " + value + " ELSE " + javaCall + " END";
  }

  private static String jsonbSet(String createMissing) {
    return jsonCall("mallard_jsonb_set", "(j), CAST(to_json(p) AS VARCHAR), " + text("v") + ", "
        + createMissing);
  }

  /**
   * A call of a Java JSON function ({@link JsonFunctions}), whose arguments begin with a JSON
   * value: {@code args} starts with that value's parenthesised expression, which is passed as JSON
   * text; the result is JSON again.
   */
  private static String jsonCall(String function, String args) {
    int close = args.indexOf(')');
    return "CAST(" + function + "(" + text(args.substring(1, close)) + args.substring(close + 1)
        + ") AS JSON)";
  }

  /** A value as JSON text: a string such as '3' is read as JSON, a STRUCT becomes an object. */
  private static String text(String value) {
    return "CAST(CAST(" + value + " AS JSON) AS VARCHAR)";
  }

  /** A macro for one to five path keys, each escaped as a JSON pointer step. */
  private static String jsonPath(String name, String extract) {
    StringBuilder sql = new StringBuilder(name);
    String params = "j";
    String pointer = "''";
    for (int n = 1; n <= 5; n++) {
      params += ", k" + n;
      pointer += " || '/' || replace(replace(k" + n + ", '~', '~0'), '/', '~1')";
      sql.append(n > 1 ? ", " : "").append("(").append(params).append(") AS ").append(extract)
          .append("(j, ").append(pointer).append(")");
    }
    return sql.toString();
  }

  static List<String> statements() {
    List<String> all = new java.util.ArrayList<>(jsonMacros());
    all.addAll(List.of(
        // lpad(s, n) pads with spaces; DuckDB only has the three-argument form
        macro("pg_lpad(s, n) AS lpad(s, n, ' '), (s, n, f) AS lpad(s, n, f)"),
        macro("pg_rpad(s, n) AS rpad(s, n, ' '), (s, n, f) AS rpad(s, n, f)"),
        // lengths are int4 in PostgreSQL; DuckDB's octet_length/bit_length take only BLOB and BIT
        macro("pg_octet_length(s VARCHAR) AS CAST(strlen(s) AS INTEGER),"
            + " (s BLOB) AS CAST(octet_length(s) AS INTEGER)"),
        macro("pg_bit_length(s VARCHAR) AS CAST(8 * strlen(s) AS INTEGER),"
            + " (s BLOB) AS CAST(8 * octet_length(s) AS INTEGER), (s BIT) AS CAST(bit_length(s) AS INTEGER)"),
        // string_to_array: '' gives {}, a NULL delimiter splits into characters, an empty one
        // gives the whole string; the third argument names the element that becomes NULL
        macro("pg_string_to_array(s, d) AS CASE WHEN s = '' THEN []::VARCHAR[]"
            + " WHEN d IS NULL THEN string_split(s, '') WHEN d = '' THEN [s] ELSE string_split(s, d) END,"
            + " (s, d, n) AS list_transform(CASE WHEN s = '' THEN []::VARCHAR[]"
            + " WHEN d IS NULL THEN string_split(s, '') WHEN d = '' THEN [s] ELSE string_split(s, d) END,"
            + " e -> CASE WHEN e = n THEN NULL ELSE e END)"),
        // to_hex is lower case, and an int4 is written as its 32-bit two's complement
        macro("pg_to_hex(x INTEGER) AS lower(to_hex(CAST(x AS BIGINT) & 4294967295)),"
            + " (x BIGINT) AS lower(to_hex(x))"),
        macro("pg_array_to_string(a, s) AS array_to_string(a, s), (a, s, n) AS array_to_string("
            + "list_transform(a, e -> coalesce(CAST(e AS VARCHAR), n)), s)"),
        // array_length of an empty array is NULL in PostgreSQL (it has no dimensions), and int4
        macro("pg_array_length(a) AS array_length(a), (a, d) AS CASE WHEN len(a) > 0"
            + " THEN CAST(array_length(a, d) AS INTEGER) END"),
        // gcd and lcm of int4 are int4 (DuckDB widens to BIGINT)
        macro("pg_gcd(a INTEGER, b INTEGER) AS CAST(gcd(a, b) AS INTEGER),"
            + " (a BIGINT, b BIGINT) AS gcd(a, b)"),
        macro("pg_lcm(a INTEGER, b INTEGER) AS CAST(lcm(a, b) AS INTEGER),"
            + " (a BIGINT, b BIGINT) AS lcm(a, b)"),
        // extract(epoch ..) is numeric: whole seconds for a date, microsecond precision otherwise
        macro("pg_extract_epoch(x DATE) AS CAST(CAST(epoch(x) AS BIGINT) AS DECIMAL(38,0)),"
            + " (x TIMESTAMP) AS CAST(epoch_us(x) AS DECIMAL(20,0)) * 0.000001,"
            + " (x TIMESTAMPTZ) AS CAST(epoch_us(x) AS DECIMAL(20,0)) * 0.000001,"
            + " (x INTERVAL) AS CAST(epoch_us(x) AS DECIMAL(20,0)) * 0.000001,"
            + " (x TIME) AS CAST(epoch_us(x) AS DECIMAL(20,0)) * 0.000001"),
        // sum's PostgreSQL type from its argument's type (see ResultTypes); x is never evaluated.
        // Every numeric type has its overload, else DuckDB would pick one by implicit cast.
        macro("pg_sum_result(r, x TINYINT) AS CAST(r AS BIGINT), (r, x SMALLINT) AS CAST(r AS BIGINT),"
            + " (r, x INTEGER) AS CAST(r AS BIGINT), (r, x BIGINT) AS CAST(r AS DECIMAL(38,0)),"
            + " (r, x HUGEINT) AS r, (r, x DECIMAL) AS r, (r, x FLOAT) AS CAST(r AS FLOAT),"
            + " (r, x DOUBLE) AS r, (r, x INTERVAL) AS r, (r, x) AS r"),
        // a - b (see Subtraction): date - date is the int4 number of days, time - time an
        // interval; any other pair is DuckDB's own minus
        macro(Subtraction.MACRO + "(a DATE, b DATE) AS CAST(a - b AS INTEGER),"
            + " (a TIME, b TIME) AS to_microseconds(epoch_us(a) - epoch_us(b)), (a, b) AS a - b"),
        // avg of integers and numerics is numeric: sum / count divided exactly at scale 16, the
        // scale PostgreSQL's select_div_scale gives a quotient from 1 to 9999 (r is DuckDB's
        // DOUBLE avg, kept for floats and intervals); s and c are the sum and count. The whole
        // part of s is divided first, so only the average, not the sum, must fit DECIMAL(38,16)
        macro("pg_quotient16(s, c) AS CASE WHEN c <> 0 THEN CAST(sign(s) * ((2 * abs(s) + c)"
            + " // (2 * c)) AS DECIMAL(38,0)) * 0.0000000000000001 END"),
        macro("pg_avg16(s, c) AS CASE WHEN c <> 0 THEN CAST(CAST(trunc(s) AS HUGEINT) // c"
            + " AS DECIMAL(38,16)) + pg_quotient16((CAST(trunc(s) AS HUGEINT) % c)"
            + " * 10000000000000000 + CAST(CAST(s - trunc(s) AS DECIMAL(38,16))"
            + " * 10000000000000000 AS HUGEINT), c) END"),
        macro(avgResult()),
        // generate_series over dates is PostgreSQL's over timestamptz, the dates' midnights
        macro("pg_generate_series(a DATE, b DATE, s INTERVAL) AS generate_series(CAST(a AS TIMESTAMPTZ),"
            + " CAST(b AS TIMESTAMPTZ), s), (a, b) AS generate_series(a, b),"
            + " (a, b, s) AS generate_series(a, b, s)"),
        // scale is a numeric's count of decimal digits: DECIMAL(p,s)'s s; Mallard's numeric
        // without a modifier (DECIMAL(38,10), see TypeNames) has no scale of its own, so there
        // it is min_scale, the digits left when trailing zeros are dropped (as printed)
        macro("min_scale(x) AS CASE WHEN x IS NOT NULL THEN CAST(length(regexp_extract("
            + "CAST(x AS VARCHAR), '\\.(\\d*?)0*$', 1)) AS INTEGER) END"),
        macro("scale(x) AS CASE WHEN x IS NULL THEN NULL WHEN typeof(x) = 'DECIMAL(38,10)'"
            + " THEN min_scale(x) WHEN typeof(x) LIKE 'DECIMAL(%' THEN CAST(regexp_extract("
            + "typeof(x), ',(\\d+)\\)', 1) AS INTEGER) ELSE min_scale(x) END"),
        macro("trim_scale(x) AS CAST(x AS DECIMAL(38,10))"),
        macro(arrayDims()),
        // date_trunc of a date: PostgreSQL casts the date to timestamptz (midnight in the session
        // time zone) and truncates that, so the result is timestamptz; DuckDB gives TIMESTAMP
        macro("pg_date_trunc(f, x DATE) AS date_trunc(f, CAST(x AS TIMESTAMPTZ)),"
            + " (f, x TIMESTAMP) AS date_trunc(f, x), (f, x TIMESTAMPTZ) AS date_trunc(f, x),"
            + " (f, x INTERVAL) AS date_trunc(f, x), (f, x) AS date_trunc(f, x)"),
        // dimensions from the list type's name (INTEGER[][] has two); an empty array has none
        macro("array_ndims(a) AS CASE WHEN len(a) > 0 THEN CAST((length(typeof(a))"
            + " - length(replace(typeof(a), '[]', ''))) // 2 AS INTEGER) END"),
        macro("array_replace(a, old, new) AS list_transform(a,"
            + " e -> CASE WHEN e IS NOT DISTINCT FROM old THEN new ELSE e END)"),
        // array_position finds NULL too (IS NOT DISTINCT FROM) and is int4
        macro("pg_array_position(a, v) AS CAST(list_position(list_transform(a,"
            + " e -> e IS NOT DISTINCT FROM v), true) AS INTEGER),"
            + " (a, v, start) AS CAST(list_position(list_transform(a, (e, i) -> i >= start"
            + " AND e IS NOT DISTINCT FROM v), true) AS INTEGER)"),
        // json_extract_path(_text)(j, VARIADIC keys): a JSON pointer, whose numeric steps index
        // arrays as PostgreSQL's path elements do
        macro(jsonPath("pg_json_extract_path", "json_extract")),
        macro(jsonPath("pg_json_extract_path_text", "json_extract_string")),
        // justify_*: PostgreSQL's interval_justify_hours/days/interval on DuckDB's months, days
        // and microseconds (24 hours make a day, 30 days a month; signs made consistent)
        macro("pg_interval_parts(i) AS {'m': 12 * datepart('year', i) + datepart('month', i),"
            + " 'd': datepart('day', i), 'us': epoch_us(i) - (12 * datepart('year', i)"
            + " + datepart('month', i)) * 2592000000000 - datepart('day', i) * 86400000000}"),
        macro("pg_make_interval_parts(m, d, us) AS to_months(m) + to_days(d) + to_microseconds(us)"),
        // the last step of each: a day and its time of day get the same sign
        macro("pg_justify_time(m, d, us) AS pg_make_interval_parts(m,"
            + " CASE WHEN d > 0 AND us < 0 THEN d - 1 WHEN d < 0 AND us > 0 THEN d + 1 ELSE d END,"
            + " CASE WHEN d > 0 AND us < 0 THEN us + 86400000000 WHEN d < 0 AND us > 0"
            + " THEN us - 86400000000 ELSE us END)"),
        macro("justify_hours(i) AS pg_justify_time(pg_interval_parts(i).m, pg_interval_parts(i).d"
            + " + pg_interval_parts(i).us // 86400000000, pg_interval_parts(i).us % 86400000000)"),
        macro("pg_justify_days(m, d, us) AS pg_make_interval_parts("
            + " CASE WHEN m > 0 AND d < 0 THEN m - 1 WHEN m < 0 AND d > 0 THEN m + 1 ELSE m END,"
            + " CASE WHEN m > 0 AND d < 0 THEN d + 30 WHEN m < 0 AND d > 0 THEN d - 30 ELSE d END, us)"),
        macro("justify_days(i) AS pg_justify_days(pg_interval_parts(i).m + pg_interval_parts(i).d // 30,"
            + " pg_interval_parts(i).d % 30, pg_interval_parts(i).us)"),
        macro("pg_justify_months(m, d, us) AS pg_justify_time("
            + " CASE WHEN m > 0 AND (d < 0 OR d = 0 AND us < 0) THEN m - 1"
            + " WHEN m < 0 AND (d > 0 OR d = 0 AND us > 0) THEN m + 1 ELSE m END,"
            + " CASE WHEN m > 0 AND (d < 0 OR d = 0 AND us < 0) THEN d + 30"
            + " WHEN m < 0 AND (d > 0 OR d = 0 AND us > 0) THEN d - 30 ELSE d END, us)"),
        macro("pg_justify_interval(m, d, us) AS pg_justify_months(m + (d + us // 86400000000) // 30,"
            + " (d + us // 86400000000) % 30, us % 86400000000)"),
        macro("justify_interval(i) AS pg_justify_interval(pg_interval_parts(i).m,"
            + " pg_interval_parts(i).d, pg_interval_parts(i).us)"),
        // round(x)/sign(x) by the type of t, a copy of x never evaluated (see FunctionNames)
        macro(byNumericType("pg_round", "round_even(CAST(x AS DOUBLE), 0)", "round(x)")),
        macro(byNumericType("pg_sign", "CAST(sign(x) AS DOUBLE)", "CAST(sign(x) AS DECIMAL(38,0))")),
        // SQL-standard syntax forms (see SqlSyntaxCalls)
        macro("pg_overlay(s, r, n) AS substr(s, 1, n - 1) || r || substr(s, n + length(r)),"
            + " (s, r, n, k) AS substr(s, 1, n - 1) || r || substr(s, n + k)"),
        macro("pg_regex_substring(s, p, g) AS CASE WHEN regexp_matches(s, p)"
            + " THEN regexp_extract(s, p, g) END"),
        macro(quantified("pg_like_any", "x LIKE p ESCAPE '\\'", false)),
        macro(quantified("pg_like_all", "x LIKE p ESCAPE '\\'", true)),
        macro(quantified("pg_ilike_any", "x ILIKE p ESCAPE '\\'", false)),
        macro(quantified("pg_ilike_all", "x ILIKE p ESCAPE '\\'", true)),
        macro(quantified("pg_not_like_any", "NOT (x LIKE p ESCAPE '\\')", false)),
        macro(quantified("pg_not_like_all", "NOT (x LIKE p ESCAPE '\\')", true)),
        macro(quantified("pg_not_ilike_any", "NOT (x ILIKE p ESCAPE '\\')", false)),
        macro(quantified("pg_not_ilike_all", "NOT (x ILIKE p ESCAPE '\\')", true)),
        // (s1, e1) OVERLAPS (s2, e2): each period from its earlier to its later end; periods
        // that start together overlap, otherwise the later start must fall before the other end
        macro("pg_overlaps(s1, e1, s2, e2) AS CASE WHEN s1 IS NULL OR e1 IS NULL OR s2 IS NULL"
            + " OR e2 IS NULL THEN NULL WHEN least(s1, e1) > least(s2, e2)"
            + " THEN least(s1, e1) < greatest(s2, e2) WHEN least(s1, e1) < least(s2, e2)"
            + " THEN least(s2, e2) < greatest(s1, e1) ELSE true END"),
        macro("pg_cardinality(a) AS CAST(len(a) AS INTEGER)"),
        // arrays here are one-dimensional with lower bound 1; an empty array has no bounds
        // array_lower/array_upper and quote_ident are pg_catalog functions of the catalog
        // emulation (catalog/.../pg_functions.sql), which calls reach first
        // encode's base64 breaks lines every 76 characters, as PostgreSQL's does
        macro("pg_encode(b, f) AS CASE lower(f) WHEN 'base64' THEN rtrim(regexp_replace(to_base64(b),"
            + " '(.{76})', '\\1' || chr(10), 'g'), chr(10)) WHEN 'hex' THEN lower(hex(b))"
            + " ELSE error('unrecognized encoding: \"' || f || '\"') END"),
        macro("pg_decode(b) AS decode(b), (s, f) AS CASE lower(f)"
            + " WHEN 'base64' THEN from_base64(replace(replace(s, chr(10), ''), chr(13), ''))"
            + " WHEN 'hex' THEN unhex(s) ELSE error('unrecognized encoding: \"' || f || '\"') END"),
        macro("convert_from(b, enc) AS CASE WHEN upper(replace(enc, '-', '')) = 'UTF8' THEN decode(b)"
            + " ELSE error('conversion from ' || enc || ' is not supported') END"),
        macro("convert_to(s, enc) AS CASE WHEN upper(replace(enc, '-', '')) = 'UTF8' THEN encode(s)"
            + " ELSE error('conversion to ' || enc || ' is not supported') END"),
        // a literal with a backslash is written E'..' with the backslashes doubled
        macro("quote_literal(s) AS CASE WHEN contains(CAST(s AS VARCHAR), '\\')"
            + " THEN 'E''' || replace(replace(CAST(s AS VARCHAR), '\\', '\\\\'), '''', '''''') || ''''"
            + " ELSE '''' || replace(CAST(s AS VARCHAR), '''', '''''') || '''' END"),
        macro("quote_nullable(s) AS CASE WHEN s IS NULL THEN 'NULL' ELSE quote_literal(s) END"),
        // width_bucket: equal-width buckets 1..n, 0 below the range and n+1 above it
        macro("width_bucket(op, lo, hi, n) AS CASE"
            + " WHEN n <= 0 THEN error('count must be greater than zero')"
            + " WHEN lo = hi THEN error('lower bound cannot equal upper bound')"
            + " WHEN lo < hi THEN CASE WHEN op < lo THEN 0 WHEN op >= hi THEN n + 1"
            + " ELSE CAST(floor((op - lo) * n / (hi - lo)) AS INTEGER) + 1 END"
            + " ELSE CASE WHEN op > lo THEN 0 WHEN op <= hi THEN n + 1"
            + " ELSE CAST(floor((lo - op) * n / (lo - hi)) AS INTEGER) + 1 END END"),
        // date_bin is DuckDB's time_bucket with an origin
        macro("date_bin(stride, source, origin) AS time_bucket(stride, source, origin)"),
        macro("make_interval(years := 0, months := 0, weeks := 0, days := 0, hours := 0, mins := 0,"
            + " secs := 0) AS to_months(12 * years + months) + to_days(7 * weeks + days)"
            + " + to_microseconds(CAST(hours AS BIGINT) * 3600000000 + CAST(mins AS BIGINT) * 60000000"
            + " + CAST(round(secs * 1000000) AS BIGINT))")));
    return all;
  }
}
