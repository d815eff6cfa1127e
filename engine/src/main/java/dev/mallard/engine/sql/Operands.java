package dev.mallard.engine.sql;

import java.util.Set;

/**
 * Finds the tokens an operator applies to, by PostgreSQL's operator precedence (the table in
 * "Lexical Structure / Operator Precedence"): rules that turn {@code a ~ b} into a function call
 * need {@code a} and {@code b} exactly. Every method answers -1 when the extent is not certain
 * (an unknown key word, an unbalanced bracket), and callers then leave the statement alone.
 */
final class Operands {
  /** Levels, tighter binding first. */
  static final int POWER = 7;
  static final int MULTIPLY = 8;
  static final int ADD = 9;
  static final int OTHER = 10;
  static final int LIKE = 11;
  static final int COMPARE = 12;
  static final int IS = 13;
  static final int NOT = 14;
  static final int AND = 15;
  static final int OR = 16;
  private static final int UNKNOWN = 99;

  /** Words that may begin an expression but never end one (so a backward scan stops there). */
  private static final Set<String> STOP_WORDS = Set.of("select", "where", "and", "or", "not", "then",
      "else", "when", "on", "having", "by", "returning", "set", "distinct", "all", "is", "like",
      "ilike", "between", "in", "from", "for", "limit", "offset", "values", "case", "similar",
      "escape", "using", "any", "some", "return", "if", "qualify", "as", "each");
  /** Key words that cannot be an operand's name. */
  private static final Set<String> RESERVED = Set.of("select", "from", "where", "and", "or", "not",
      "then", "else", "when", "end", "on", "having", "group", "order", "by", "limit", "offset",
      "as", "is", "like", "ilike", "between", "in", "union", "intersect", "except", "returning",
      "window", "for", "into", "join", "inner", "left", "right", "full", "cross", "natural",
      "using", "escape", "similar", "collate", "at", "asc", "desc", "nulls", "qualify", "filter",
      "over", "within", "set", "values", "distinct", "all", "any", "some", "do");
  /** Reserved words that are also function names when a parenthesis follows. */
  private static final Set<String> FUNCTION_KEYWORDS = Set.of("left", "right");
  /** Type names that may prefix a string constant: {@code date '2024-01-01'}. */
  static final Set<String> TYPED_LITERALS = Set.of("date", "time", "timestamp",
      "timestamptz", "interval", "json", "jsonb", "uuid", "numeric", "decimal", "text", "varchar",
      "bytea", "int", "int2", "int4", "int8", "integer", "bigint", "smallint", "float4", "float8",
      "real", "boolean", "bool", "inet", "timetz");

  private Operands() {}

  /** Precedence level of a binary operator token, or -1 when it is not one. */
  static int level(Token t) {
    if (t == null) {
      return -1;
    }
    if (t.kind() == Token.Kind.OPERATOR) {
      switch (t.text()) {
        case "::":
          return -1;
        case "^":
          return POWER;
        case "*": case "/": case "%":
          return MULTIPLY;
        case "+": case "-":
          return ADD;
        case "<": case ">": case "=": case "<=": case ">=": case "<>": case "!=":
          return COMPARE;
        default:
          return OTHER;
      }
    }
    if (t.kind() == Token.Kind.WORD) {
      switch (t.text().toLowerCase(java.util.Locale.ROOT)) {
        case "like": case "ilike": case "in": case "between": case "similar":
          return LIKE;
        case "is": case "isnull": case "notnull":
          return IS;
        case "not":
          return NOT;
        case "and":
          return AND;
        case "or":
          return OR;
        case "collate": case "at":
          return UNKNOWN;
        default:
          return -1;
      }
    }
    return -1;
  }

  /**
   * Index of the last token of the right operand of a binary operator of {@code level} at
   * {@code op}, or -1.
   */
  static int rightEnd(Tokens tokens, int op, int level) {
    int end = unitEnd(tokens, tokens.next(op));
    while (end >= 0) {
      int next = tokens.next(end);
      int l = level(tokens.at(next));
      if (l < 0 || l >= level) {
        return l == UNKNOWN ? -1 : end;
      }
      end = unitEnd(tokens, tokens.next(next));
    }
    return -1;
  }

  /**
   * Index of the first token of the left operand of a binary operator of {@code level} at
   * {@code op} (left-associative, so operators of the same level are part of it), or -1.
   */
  static int leftStart(Tokens tokens, int op, int level) {
    int start = unitStart(tokens, tokens.prev(op));
    while (start >= 0) {
      int before = tokens.prev(start);
      Token b = tokens.at(before);
      int l = level(b);
      if (l == UNKNOWN) {
        return -1;
      }
      if (l < 0 || l > level || b.isWord("not")) {
        return isBoundary(b) ? start : -1;
      }
      start = unitStart(tokens, tokens.prev(before));
    }
    return -1;
  }

  /** A token before which an expression may begin: nothing, punctuation, an operator, a key word. */
  private static boolean isBoundary(Token b) {
    if (b == null) {
      return true;
    }
    switch (b.kind()) {
      case PUNCT:
        return b.is("(") || b.is(",") || b.is(";") || b.is("[");
      case OPERATOR:
        return !b.is("::");
      case WORD:
        return STOP_WORDS.contains(b.text().toLowerCase(java.util.Locale.ROOT));
      default:
        return false;
    }
  }

  /** Last token of the operand unit (prefix signs, a primary, its postfixes) starting at i. */
  static int unitEnd(Tokens tokens, int i) {
    Token t = tokens.at(i);
    while (t != null && (t.is("-") || t.is("+"))) {
      i = tokens.next(i);
      t = tokens.at(i);
    }
    if (t == null) {
      return -1;
    }
    int end = primaryEnd(tokens, i);
    while (end >= 0) {
      int next = tokens.next(end);
      Token n = tokens.at(next);
      if (n == null) {
        return end;
      }
      if (n.is("::")) {
        end = typeEnd(tokens, tokens.next(next));
      } else if (n.is("[")) {
        end = tokens.closing(next);
      } else if (n.is(".") && tokens.at(tokens.next(next)) != null
          && tokens.at(tokens.next(next)).isIdentifier()) {
        end = tokens.next(next);
      } else {
        return end;
      }
    }
    return -1;
  }

  static int primaryEnd(Tokens tokens, int i) {
    Token t = tokens.get(i);
    switch (t.kind()) {
      case NUMBER: case STRING: case PARAM:
        return i;
      case PUNCT:
        return t.is("(") || t.is("[") ? tokens.closing(i) : -1;
      case QUOTED_IDENT:
        return nameEnd(tokens, i);
      case WORD:
        break;
      default:
        return -1;
    }
    String word = t.text().toLowerCase(java.util.Locale.ROOT);
    Token next = tokens.at(tokens.next(i));
    if (word.equals("case")) {
      return caseEnd(tokens, i);
    }
    if (TYPED_LITERALS.contains(word) && next != null && next.kind() == Token.Kind.STRING) {
      return tokens.next(i);
    }
    if ((word.equals("array") || word.equals("exists")) && next != null
        && (next.is("[") || next.is("("))) {
      return tokens.closing(tokens.next(i));
    }
    // left( and right( are the string functions; as key words they come before JOIN
    if (RESERVED.contains(word) && !(FUNCTION_KEYWORDS.contains(word) && next != null && next.is("("))) {
      return -1;
    }
    return nameEnd(tokens, i);
  }

  /** A dotted name, and its argument list and FILTER/OVER clauses when it is a call. */
  private static int nameEnd(Tokens tokens, int i) {
    int end = i;
    while (tokens.nextIs(end, ".")) {
      Token part = tokens.at(tokens.next(tokens.next(end)));
      if (part == null || !(part.isIdentifier() || part.is("*"))) {
        break;
      }
      end = tokens.next(tokens.next(end));
    }
    if (!tokens.nextIs(end, "(")) {
      return end;
    }
    end = tokens.closing(tokens.next(end));
    while (end >= 0) {
      Token n = tokens.at(tokens.next(end));
      if (n != null && (n.isWord("filter") || n.isWord("over")) && tokens.nextIs(tokens.next(end), "(")) {
        end = tokens.closing(tokens.next(tokens.next(end)));
      } else if (n != null && n.isWord("within") && isWordAt(tokens, tokens.next(tokens.next(end)), "group")
          && tokens.nextIs(tokens.next(tokens.next(end)), "(")) {
        end = tokens.closing(tokens.next(tokens.next(tokens.next(end)))); // WITHIN GROUP (ORDER BY ..)
      } else if (n != null && n.isWord("over") && tokens.at(tokens.next(tokens.next(end))) != null
          && tokens.at(tokens.next(tokens.next(end))).isIdentifier()) {
        end = tokens.next(tokens.next(end));
      } else {
        return end;
      }
    }
    return -1;
  }

  private static int caseEnd(Tokens tokens, int i) {
    int depth = 0;
    for (int j = i; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.isWord("case")) {
        depth++;
      } else if (t.isWord("end") && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  /** Last token of a type name after {@code ::}: words, modifiers in parentheses, array brackets. */
  static int typeEnd(Tokens tokens, int i) {
    Token t = tokens.at(i);
    if (t == null || !t.isIdentifier()) {
      return -1;
    }
    int end = i;
    while (tokens.nextIs(end, ".") && tokens.at(tokens.next(tokens.next(end))) != null) {
      end = tokens.next(tokens.next(end));
    }
    String word = t.text().toLowerCase(java.util.Locale.ROOT);
    if (word.equals("double") && isWordAt(tokens, tokens.next(end), "precision")
        || word.equals("character") && isWordAt(tokens, tokens.next(end), "varying")
        || word.equals("bit") && isWordAt(tokens, tokens.next(end), "varying")) {
      end = tokens.next(end);
    }
    if (tokens.nextIs(end, "(")) {
      end = tokens.closing(tokens.next(end));
    }
    if ((word.equals("timestamp") || word.equals("time")) && end >= 0) {
      int w = tokens.next(end);
      if ((isWordAt(tokens, w, "with") || isWordAt(tokens, w, "without"))
          && isWordAt(tokens, tokens.next(w), "time")) {
        end = tokens.next(tokens.next(w));
      }
    }
    while (end >= 0 && tokens.nextIs(end, "[")) {
      end = tokens.closing(tokens.next(end));
    }
    return end;
  }

  private static boolean isWordAt(Tokens tokens, int i, String word) {
    Token t = tokens.at(i);
    return t != null && t.isWord(word);
  }

  /** First token of the operand unit ending at {@code end} (scanning backwards), or -1. */
  static int unitStart(Tokens tokens, int end) {
    Token t = tokens.at(end);
    if (t == null) {
      return -1;
    }
    int start;
    if (t.is(")") || t.is("]")) {
      start = tokens.opening(end);
      if (start < 0) {
        return -1;
      }
      Token before = tokens.at(tokens.prev(start));
      if (before != null && (before.isIdentifier() && !isStopWord(before)
          || before.is(")") || before.is("]") || before.kind() == Token.Kind.STRING)) {
        // a call's name, a subscript's base, or a type's modifiers: part of the same unit
        return unitStart(tokens, tokens.prev(start));
      }
    } else if (t.isWord("end")) {
      start = caseStart(tokens, end);
    } else if (t.kind() == Token.Kind.STRING) {
      start = end;
      Token before = tokens.at(tokens.prev(end));
      if (before != null && before.isWord()
          && TYPED_LITERALS.contains(before.text().toLowerCase(java.util.Locale.ROOT))) {
        start = tokens.prev(end);
      }
    } else if (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.PARAM) {
      start = end;
    } else if (t.isIdentifier() && !isReserved(t) || t.is("*") && tokens.prevIs(end, ".")) {
      start = end;
      while (tokens.prevIs(start, ".") && tokens.at(tokens.prev(tokens.prev(start))) != null
          && tokens.at(tokens.prev(tokens.prev(start))).isIdentifier()) {
        start = tokens.prev(tokens.prev(start));
      }
    } else {
      return -1;
    }
    if (start < 0) {
      return -1;
    }
    int before = tokens.prev(start);
    if (tokens.at(before) != null && tokens.at(before).is("::")) {
      return unitStart(tokens, tokens.prev(before));
    }
    if (tokens.at(before) != null && tokens.at(before).is(".")) {
      return unitStart(tokens, tokens.prev(before));
    }
    // a sign is part of the unit when nothing that could end an operand stands before it
    while (tokens.at(before) != null && (tokens.at(before).is("-") || tokens.at(before).is("+"))
        && isBoundary(tokens.at(tokens.prev(before)))) {
      start = before;
      before = tokens.prev(start);
    }
    return start;
  }

  private static boolean isStopWord(Token t) {
    return t.isWord() && STOP_WORDS.contains(t.text().toLowerCase(java.util.Locale.ROOT));
  }

  /** A key word that cannot name an operand (SELECT, WHERE, AND, ...). */
  static boolean isKeyword(Token t) {
    return isReserved(t);
  }

  private static boolean isReserved(Token t) {
    return t.isWord() && RESERVED.contains(t.text().toLowerCase(java.util.Locale.ROOT));
  }

  private static int caseStart(Tokens tokens, int end) {
    int depth = 0;
    for (int j = end; j >= 0; j--) {
      Token t = tokens.get(j);
      if (t.isWord("end")) {
        depth++;
      } else if (t.isWord("case") && --depth == 0) {
        return j;
      }
    }
    return -1;
  }
}
