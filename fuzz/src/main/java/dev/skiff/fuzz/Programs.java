package dev.skiff.fuzz;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of well-formed Skiff programs, following the grammar: imports, assignments (typed,
 * private, unified with a schema), schemas with inheritance, optional attributes, defaults and checks,
 * {@code if}/{@code elif}/{@code else} blocks, lambdas, comprehensions, configs with dotted keys, unpacking
 * and {@code if} entries laid out by indentation, lists with {@code if} items, string interpolation,
 * comments. Expressions are typed (int, str, bool, list, config) over a prelude of names of known type, so
 * most programs also evaluate; some fail a check or an assertion on purpose.
 *
 * <p>Layout is chosen after the structure: the generated text marks where space may vary ({@link Layout#SP}),
 * where a line may break inside brackets ({@link Layout#BR}) and where a block is indented
 * ({@link Layout#IND}); {@link Layout#render} fills them in from a generated seed.
 */
public final class Programs {
    private static final String SP = Layout.SP;
    private static final String BR = Layout.BR;
    private static final String IND = Layout.IND;
    private static final int DEPTH = 3;

    // literals first: the rules below are built from them when the class loads
    private static final Arbitrary<String> INT_LITERAL = Shared.of(Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(-5, 100).map(String::valueOf)),
            Tuple.of(1, Arbitraries.of("0x1F", "0o17", "0b101", "1_000", "1Ki", "2Mi", "3k", "9223372036854775807",
                    "010"))));

    private static final Arbitrary<String> WORD = Arbitraries.strings().withChars("abcxyz-_. ").ofMaxLength(8);
    private static final Arbitrary<String> STR_LITERAL = Shared.of(Arbitraries.frequencyOf(
            Tuple.of(4, WORD.map(w -> "\"" + w + "\"")),
            Tuple.of(2, WORD.map(w -> "'" + w + "'")),
                Tuple.of(1, Arbitraries.of("\"tab\\there\"", "\"quote \\\" inside\"", "r\"raw \\d+\"", "\"ünïcödé ✓\"",
                        "\"emoji 😀\"", "\"\"", "\"\"\"triple\nquoted\"\"\"", "\"dollar $$ sign\""))));

    // Each arbitrary is built once, bottom up by depth: jqwik keys its generators by the arbitrary, whose hash
    // walks the whole composition, so arbitraries built afresh on every use cost more than the programs.
    private static final List<Arbitrary<String>> INTS = new java.util.ArrayList<>();
    private static final List<Arbitrary<String>> STRS = new java.util.ArrayList<>();
    private static final List<Arbitrary<String>> BOOLS = new java.util.ArrayList<>();
    private static final List<Arbitrary<String>> LISTS = new java.util.ArrayList<>();
    private static final List<Arbitrary<String>> CONFIGS = new java.util.ArrayList<>();
    private static final List<Arbitrary<String>> ANYS = new java.util.ArrayList<>();
    private static final List<Arbitrary<String>> STATEMENTS = new java.util.ArrayList<>();
    private static final Arbitrary<String> PROGRAMS;

    static {
        for (int d = 0; d <= DEPTH; d++) {
            INTS.add(Shared.of(buildInt(d)));
            STRS.add(Shared.of(buildStr(d)));
            BOOLS.add(Shared.of(buildBool(d)));
            LISTS.add(Shared.of(buildList(d)));
            CONFIGS.add(Shared.of(buildConfig(d)));
            ANYS.add(Shared.of(Arbitraries.frequencyOf(Tuple.of(3, INTS.get(d)), Tuple.of(3, STRS.get(d)),
                    Tuple.of(2, BOOLS.get(d)), Tuple.of(2, LISTS.get(d)), Tuple.of(3, CONFIGS.get(d)))));
        }
        for (int d = 0; d <= 2; d++) {
            STATEMENTS.add(Shared.of(buildStatement(d)));
        }
        Arbitrary<List<String>> body = statement(2).list().ofMinSize(1).ofMaxSize(12);
        PROGRAMS = Combinators.combine(prelude(), imports(), body, Arbitraries.longs(), Layout.units())
                .as((prelude, imports, stmts, seed, unit) -> Layout.render(imports + prelude + String.join("", stmts),
                        new Random(seed), unit));
    }

    private Programs() {
    }

    /** Whole programs: a prelude, then up to a dozen statements, laid out. */
    public static Arbitrary<String> programs() {
        return PROGRAMS;
    }

    static Arbitrary<String> statement(int depth) {
        return STATEMENTS.get(depth);
    }

    static Arbitrary<String> anyExpr(int depth) {
        return ANYS.get(depth);
    }

    static Arbitrary<String> intExpr(int depth) {
        return INTS.get(depth);
    }

    static Arbitrary<String> strExpr(int depth) {
        return STRS.get(depth);
    }

    static Arbitrary<String> boolExpr(int depth) {
        return BOOLS.get(depth);
    }

    static Arbitrary<String> listExpr(int depth) {
        return LISTS.get(depth);
    }

    static Arbitrary<String> configExpr(int depth) {
        return CONFIGS.get(depth);
    }

    private static Arbitrary<String> imports() {
        return Arbitraries.of("", "import math\n", "import regex\n", "import math\nimport base64\n",
                "import yaml\nimport json\n");
    }

    private static Arbitrary<String> prelude() {
        return Combinators.combine(intLiteral(), intLiteral(), strLiteral(), intList(), Arbitraries.of("True", "False"))
                .as((i, j, s, l, b) -> "_i = " + i + "\n_j = " + j + "\n_s = " + s + "\n_b = " + b + "\n_l = " + l
                        + "\n_c = {name = \"app\", port = 8080, labels.tier = \"web\"}\n"
                        + "schema Base:\n" + IND + "name: str\n" + IND + "port: int = 80\n" + IND + "tags?: [str]\n\n"
                        + "schema Derived(Base):\n" + IND + "replicas: int = 1\n\n" + IND + "check:\n" + IND + IND
                        + "replicas >= 0, \"replicas must not be negative\"\n\n");
    }

    // ---------------------------------------------------------------- statements

    /** One statement and its line break; {@code @@} stands for a fresh public name. */
    private static Arbitrary<String> buildStatement(int depth) {
        Arbitrary<String> simple = Arbitraries.frequencyOf(
                Tuple.of(6, anyExpr(DEPTH).map(e -> "@@" + SP + "=" + SP + e + trailing())),
                Tuple.of(2, intExpr(DEPTH).map(e -> "@@: int" + SP + "=" + SP + e + "\n")),
                Tuple.of(2, strExpr(DEPTH).map(e -> "@@: str = " + e + "\n")),
                Tuple.of(1, listExpr(2).map(e -> "@@: [int] = " + e + "\n")),
                Tuple.of(3, instance(2).map(e -> "@@ = " + e + "\n")),
                Tuple.of(1, instance(2).map(e -> "@@: Base " + e.substring(e.indexOf('{')) + "\n")),
                Tuple.of(1, boolExpr(2).map(e -> "assert " + e + ", \"generated assertion\"\n")),
                Tuple.of(1, Arbitraries.just("assert True\n")),
                Tuple.of(2, lambdaAndCall()),
                Tuple.of(2, schemaAndInstance()),
                Tuple.of(1, Arbitraries.of("# a comment\n", "#\n", "\n", "# ünïcödé comment ✓\n")),
                Tuple.of(1, intExpr(2).map(e -> "type Port = int\n@@: Port = " + e + "\n")),
                Tuple.of(1, Arbitraries.of("@@ = math.floor(2.5)\n", "@@ = regex.match(\"ab\", \"a.\")\n",
                        "@@ = base64.encode(\"skiff\")\n", "@@ = yaml.encode({a = 1})\n", "@@ = json.encode([1, 2])\n")));
        if (depth == 0) {
            return simple;
        }
        return Arbitraries.frequencyOf(Tuple.of(8, simple), Tuple.of(2, ifBlock(depth)));
    }

    private static String trailing() {
        return "\n";
    }

    private static Arbitrary<String> ifBlock(int depth) {
        Arbitrary<String> body = block(depth - 1);
        Arbitrary<String> elif = Combinators.combine(boolExpr(2), body).as((c, b) -> "elif " + c + ":\n" + b);
        Arbitrary<String> orElse = body.map(b -> "else:\n" + b);
        return Combinators.combine(boolExpr(2), body, elif.list().ofMaxSize(2), orElse.optional())
                .as((c, b, elifs, e) -> "if " + c + ":\n" + b + String.join("", elifs) + e.orElse(""));
    }

    /** The statements of a block, each indented one level. */
    private static Arbitrary<String> block(int depth) {
        return statement(depth).list().ofMinSize(1).ofMaxSize(3)
                .map(ss -> {
                    StringBuilder out = new StringBuilder();
                    boolean code = false;
                    for (String s : ss) {
                        for (String line : s.split("\n", -1)) {
                            if (!line.isEmpty()) {
                                out.append(IND).append(line).append('\n');
                                code |= !line.startsWith("#");
                            }
                        }
                    }
                    // a block of comments alone is no block: it needs a statement
                    return code ? out.toString() : out + IND + "@@ = 0\n";
                });
    }

    private static Arbitrary<String> lambdaAndCall() {
        return Combinators.combine(intExpr(1), Arbitraries.of(true, false)).as((e, braces) -> {
            String body = e.replace("_i", "x");
            String lambda = braces ? "lambda x: int -> int {\n" + IND + body + "\n}" : "lambda x: int -> int {" + body + "}";
            return "_f = " + lambda + "\n@@ = _f(" + "3)\n@@ = [_f(v) for v in _l]\n";
        });
    }

    private static Arbitrary<String> schemaAndInstance() {
        Arbitrary<String> attr = Combinators.combine(Arbitraries.of("a", "b", "c", "d"), Arbitraries.of("int", "str", "bool"),
                Arbitraries.of(true, false)).as((n, t, optional) -> IND + n + (optional ? "?" : "") + ": " + t
                + (optional ? "" : " = " + defaultOf(t)) + "\n");
        return Combinators.combine(attr.list().ofMinSize(1).ofMaxSize(4).map(Programs::distinctKeys),
                        Arbitraries.of("", "(Base)"), Arbitraries.of(true, false))
                .as((attrs, parent, check) -> {
                    String name = Layout.SCHEMA;
                    return "schema " + name + parent + ":\n" + String.join("", attrs)
                            + (check ? "\n" + IND + "check:\n" + IND + IND + "True, \"always\"\n" : "") + "\n"
                            + "@@ = " + name + " {" + (parent.isEmpty() ? "" : "name = \"n\"") + "}\n";
                });
    }

    private static String oneLine(String code) {
        return code.replace(BR, "");
    }

    /** The entries whose key (the text before the first space, `?` or `:`) was not written before. */
    private static List<String> distinctKeys(List<String> entries) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return entries.stream().filter(e -> seen.add(e.strip().split("[ \u0001?:=]", 2)[0])).toList();
    }

    private static String defaultOf(String type) {
        return switch (type) {
            case "int" -> "1";
            case "str" -> "\"s\"";
            default -> "False";
        };
    }

    private static Arbitrary<String> instance(int depth) {
        return Combinators.combine(Arbitraries.of("Base", "Derived"), strExpr(depth), intExpr(depth), Arbitraries.of(true, false))
                .as((schema, name, port, more) -> schema + SP + "{" + BR + "name" + SP + "=" + SP + name + "," + BR
                        + "port" + SP + "=" + SP + port + (more && schema.equals("Derived") ? ", replicas = 2" : "")
                        + (more ? ", tags = [\"a\"]" : "") + BR + "}");
    }

    // ---------------------------------------------------------------- expressions

    private static Arbitrary<String> buildInt(int depth) {
        Arbitrary<String> atom = Arbitraries.frequencyOf(Tuple.of(4, intLiteral()),
                Tuple.of(3, Arbitraries.of("_i", "_j", "len(_l)", "_c.port", "len(_s)")));
        if (depth == 0) {
            return atom;
        }
        Arbitrary<String> sub = intExpr(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(4, atom),
                Tuple.of(3, Combinators.combine(sub, Arbitraries.of("+", "-", "*"), sub)
                        .as((a, op, b) -> a + SP + op + SP + BR + b)),
                Tuple.of(1, Combinators.combine(sub, Arbitraries.of("//", "%"), Arbitraries.integers().between(1, 9))
                        .as((a, op, b) -> a + " " + op + " " + b)),
                Tuple.of(1, sub.map(a -> "-" + "(" + a + ")")),
                Tuple.of(1, sub.map(a -> "(" + BR + a + BR + ")")),
                Tuple.of(1, Combinators.combine(sub, boolExpr(depth - 1), sub).as((a, c, b) -> a + " if " + c + " else " + b)),
                Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> "max(" + a + "," + SP + BR + b + ")")),
                Tuple.of(1, strExpr(depth - 1).map(s -> "len(" + s + ")")),
                Tuple.of(1, listExpr(depth - 1).map(l -> "sum(" + l + ")")));
    }

    private static Arbitrary<String> buildStr(int depth) {
        Arbitrary<String> atom = Arbitraries.frequencyOf(Tuple.of(4, strLiteral()),
                Tuple.of(2, Arbitraries.of("_s", "_c.name", "str(_i)")));
        if (depth == 0) {
            return atom;
        }
        Arbitrary<String> sub = strExpr(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(4, atom),
                Tuple.of(2, Combinators.combine(sub, sub).as((a, b) -> a + SP + "+" + SP + b)),
                Tuple.of(2, intExpr(depth - 1).map(i -> "\"v${" + i.replace("\"", "'") + "}\"")),
                Tuple.of(1, sub.map(s -> "(" + s + ").upper()")),
                Tuple.of(1, sub.map(s -> "(" + s + ")[1:]")),
                Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> "\"-\".join([" + a + ", " + b + "])")),
                Tuple.of(1, intExpr(depth - 1).map(i -> "str(" + i + ")")));
    }

    private static Arbitrary<String> buildBool(int depth) {
        Arbitrary<String> atom = Arbitraries.of("True", "False", "_b", "len(_l) > 0", "_s == \"web\"");
        if (depth == 0) {
            return atom;
        }
        Arbitrary<String> sub = boolExpr(depth - 1);
        Arbitrary<String> ints = intExpr(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, atom),
                Tuple.of(3, Combinators.combine(ints, Arbitraries.of("<", "<=", "==", "!=", ">", ">="), ints)
                        .as((a, op, b) -> a + SP + op + SP + b)),
                Tuple.of(2, Combinators.combine(sub, Arbitraries.of("and", "or"), sub).as((a, op, b) -> a + " " + op + " " + b)),
                Tuple.of(1, sub.map(a -> "not " + a)),
                Tuple.of(1, strExpr(depth - 1).map(s -> s + " in [\"web\", \"app\"]")),
                Tuple.of(1, ints.map(i -> "all x in _l {" + SP + "x < " + i + SP + "}")));
    }

    private static Arbitrary<String> buildList(int depth) {
        Arbitrary<String> ints = intExpr(Math.max(0, depth - 1));
        Arbitrary<String> plain = ints.list().ofMaxSize(4).map(xs -> "[" + BR + String.join("," + SP + BR, xs) + BR + "]");
        if (depth == 0) {
            return Arbitraries.oneOf(plain, Arbitraries.just("_l"));
        }
        Arbitrary<String> sub = listExpr(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, plain),
                Tuple.of(1, Arbitraries.just("_l")),
                Tuple.of(2, Combinators.combine(ints, boolExpr(depth - 1)).as((e, c) ->
                        "[" + e.replace("_i", "x") + " for x in _l if " + c + "]")),
                Tuple.of(1, Combinators.combine(sub, sub).as((a, b) -> a + SP + "+" + SP + b)),
                Tuple.of(1, Combinators.combine(sub, ints).as((a, b) -> "[*" + a + ", " + b + "]")),
                Tuple.of(1, sub.map(a -> "sorted(" + a + ")")),
                Tuple.of(2, Combinators.combine(boolExpr(depth - 1), ints, ints, Arbitraries.of(0, 1, 2))
                        .as((c, a, b, layout) -> switch (layout) {
                            // on one line, an `if` item's branch and its `else` are told by being on the `if`'s
                            // line: no line breaks there
                            case 0 -> "[" + a + ", if " + oneLine(c) + ": " + oneLine(b) + "]";
                            case 1 -> "[\n" + IND + a + "\n" + IND + "if " + c + ":\n" + IND + IND + b + "\n" + IND + IND
                                    + a + "\n" + IND + "else:\n" + IND + IND + b + "\n]";
                            default -> "[if " + oneLine(c) + ": " + oneLine(a) + ", " + oneLine(b) + " else: " + oneLine(b) + "]";
                        })));
    }

    private static Arbitrary<String> buildConfig(int depth) {
        Arbitrary<String> value = depth == 0 ? Arbitraries.oneOf(intLiteral(), strLiteral()) : anyExpr(depth - 1);
        Arbitrary<String> key = Arbitraries.of("name", "port", "labels.app", "spec.replicas", "\"quoted-key\"", "a.b.c");
        Arbitrary<String> entry = Combinators.combine(key, Arbitraries.of("=", ":", "="), value)
                .as((k, op, v) -> k + SP + op + SP + v);
        Arbitrary<List<String>> entries = entry.list().ofMaxSize(3).map(Programs::distinctKeys);
        Arbitrary<String> inline = entries.map(es -> "{" + BR + String.join("," + SP + BR, es) + BR + "}");
        if (depth == 0) {
            return inline;
        }
        Arbitrary<String> block = Combinators.combine(entries, boolExpr(depth - 1), value, Arbitraries.of(true, false))
                .as((es, c, v, orElse) -> {
                    StringBuilder b = new StringBuilder("{\n");
                    for (String e : es) {
                        b.append(IND).append(e.replace("\n", "\n" + IND)).append('\n');
                    }
                    b.append(IND).append("if ").append(c).append(":\n").append(IND).append(IND).append("extra = ")
                            .append(v.replace("\n", "\n" + IND + IND)).append('\n');
                    if (orElse) {
                        b.append(IND).append("else:\n").append(IND).append(IND).append("extra = 0\n");
                    }
                    return b.append("}").toString();
                });
        return Arbitraries.frequencyOf(
                Tuple.of(3, inline),
                Tuple.of(2, block),
                Tuple.of(1, inline.map(c -> "{**_c, " + c.substring(1))),
                Tuple.of(1, inline.map(c -> "_c | " + c)),
                Tuple.of(1, Arbitraries.just("{str(x) = x * 2 for x in _l}")));
    }

    // ---------------------------------------------------------------- literals

    static Arbitrary<String> intLiteral() {
        return INT_LITERAL;
    }

    static Arbitrary<String> strLiteral() {
        return STR_LITERAL;
    }

    static Arbitrary<String> intList() {
        return intLiteral().list().ofMinSize(1).ofMaxSize(5).map(xs -> "[" + String.join(", ", xs) + "]");
    }
}
