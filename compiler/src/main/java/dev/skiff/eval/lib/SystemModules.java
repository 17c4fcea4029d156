package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.emit.DataReader;
import dev.skiff.emit.YamlWriter;
import dev.skiff.eval.lib.template.Template;
import dev.skiff.eval.lib.template.TemplateException;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * KCL's system modules by name, and the modules small enough to live here: math, regex, base64, base32, runtime
 * and template (whose engine is the {@code template} package).
 */
final class SystemModules {
    private SystemModules() {
    }

    static void register(Map<String, Namespace> out) {
        out.put("math", module("math", SystemModules::math));
        out.put("regex", module("regex", SystemModules::regex));
        out.put("base64", module("base64", ns -> codec(ns, false)));
        out.put("base32", module("base32", ns -> codec(ns, true)));
        out.put("json", module("json", DataModules::json));
        out.put("yaml", module("yaml", DataModules::yaml));
        out.put("manifests", module("manifests", DataModules::manifests));
        out.put("units", module("units", Units::register));
        out.put("crypto", module("crypto", CryptoModule::register));
        out.put("datetime", module("datetime", DatetimeModule::register));
        out.put("file", module("file", FileModule::register));
        out.put("net", module("net", NetModule::register));
        out.put("runtime", module("runtime", SystemModules::runtime));
        out.put("template", module("template", SystemModules::template));
    }

    private static Namespace module(String name, java.util.function.Consumer<Namespace> body) {
        Namespace ns = new Namespace(name + ".");
        body.accept(ns);
        return ns;
    }

    private static Value num(double d) {
        return new Value.Float(d);
    }

    private static void math(Namespace ns) {
        ns.fn("ceil(x: int | float) -> int",
                "The smallest integer not less than `x`; an int is returned as it is.",
                        a -> a.get(0) instanceof Value.Int i ? i : new Value.Int((long) Math.ceil(a.number(0))));
        ns.fn("floor(x: int | float) -> int",
                "The largest integer not greater than `x`; an int is returned as it is.",
                        a -> a.get(0) instanceof Value.Int i ? i : new Value.Int((long) Math.floor(a.number(0))));
        ns.fn("factorial(x: int) -> int",
                "`x!`, the product of the integers from 1 to `x`, for 0 ≤ x ≤ 20.", a -> {
            long n = a.integer(0);
            if (n < 0 || n > 20) {
                throw a.bad("`math.factorial` needs 0 ≤ x ≤ 20, found " + n);
            }
            long r = 1;
            for (long i = 2; i <= n; i++) {
                r *= i;
            }
            return new Value.Int(r);
        });
        ns.fn("gcd(a: int, b: int) -> int",
                "The greatest common divisor of `a` and `b`.",
                        a -> new Value.Int(BigInteger.valueOf(a.integer(0)).gcd(BigInteger.valueOf(a.integer(1))).longValue()));
        ns.fn("isfinite(x: int | float) -> bool",
                "Whether `x` is neither infinite nor NaN.", a -> Value.Bool.of(Double.isFinite(a.number(0))));
        ns.fn("isinf(x: int | float) -> bool",
                "Whether `x` is positive or negative infinity.", a -> Value.Bool.of(Double.isInfinite(a.number(0))));
        ns.fn("isnan(x: int | float) -> bool",
                "Whether `x` is NaN (not a number).", a -> Value.Bool.of(Double.isNaN(a.number(0))));
        ns.fn("modf(x: int | float) -> [float]",
                "The fractional and the integer parts of `x`, both floats with the sign of `x`.", a -> {
            double x = a.number(0);
            double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            return new Value.ListV(List.of(num(x - whole), num(whole)));
        });
        ns.fn("exp(x: int | float) -> float",
                "e raised to the power `x`.", a -> num(Math.exp(a.number(0))));
        ns.fn("expm1(x: int | float) -> float",
                "e raised to the power `x`, minus 1, accurate for small `x`.", a -> num(Math.expm1(a.number(0))));
        ns.fn("log(x: int | float, e: int | float = 2.718281828459045) -> float",
                "The logarithm of `x` to the base `e` (the natural logarithm by default).", a -> {
            double x = a.number(0);
            Value base = a.opt(1);
            return num(base == null ? Math.log(x) : Math.log(x) / Math.log(Values.asDouble(base)));
        });
        ns.fn("log1p(x: int | float) -> float",
                "The natural logarithm of 1 + `x`, accurate for small `x`.", a -> num(Math.log1p(a.number(0))));
        ns.fn("log2(x: int | float) -> float",
                "The base-2 logarithm of `x`.", a -> num(Math.log(a.number(0)) / Math.log(2)));
        ns.fn("log10(x: int | float) -> float",
                "The base-10 logarithm of `x`.", a -> num(Math.log10(a.number(0))));
        // a float, as Python's math.pow and KCL's (the `**` operator keeps ints)
        ns.fn("pow(x: int | float, y: int | float) -> float",
                "`x` raised to the power `y`, as a float (the `**` operator keeps ints).",
                        a -> new Value.Float(Math.pow(a.number(0), a.number(1))));
        ns.fn("sqrt(x: int | float) -> float",
                "The square root of `x`.", a -> num(Math.sqrt(a.number(0))));
    }

    /** Python regular expressions in Java's dialect: named groups are written {@code (?P<name>…)} in Python. */
    private static Pattern pattern(Args a, String p) {
        try {
            return Pattern.compile(p.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>"));
        } catch (PatternSyntaxException e) {
            throw a.bad("invalid regular expression `" + p + "`: " + e.getDescription());
        }
    }

    private static void regex(Namespace ns) {
        // as KCL's runtime (`Regex::is_match`): a match anywhere in the string, not only at its start
        ns.fn("match(string: str, pattern: str) -> bool",
                "Whether the regular expression `pattern` matches anywhere in `string` (as KCL's runtime does).",
                        a -> Value.Bool.of(pattern(a, a.str(1)).matcher(new TimedText(a.str(0), a.ctx())).find()));
        ns.fn("search(string: str, pattern: str) -> bool",
                "Whether the regular expression `pattern` matches anywhere in `string`.",
                        a -> Value.Bool.of(pattern(a, a.str(1)).matcher(new TimedText(a.str(0), a.ctx())).find()));
        ns.fn("compile(pattern: str) -> bool",
                "Whether `pattern` is a valid regular expression.", a -> {
            try {
                Pattern.compile(a.str(0).replace("(?P<", "(?<"));
                return Value.Bool.TRUE;
            } catch (PatternSyntaxException e) {
                return Value.Bool.FALSE;
            }
        });
        ns.fn("replace(string: str, pattern: str, replace: str, count: int = 0) -> str",
                "`string` with the matches of `pattern` replaced by `replace` (where `\\1` and `\\g<name>` stand "
                        + "for groups): all of them, or the first `count`.", a -> {
            Matcher mt = pattern(a, a.str(1)).matcher(new TimedText(a.str(0), a.ctx()));
            String repl = a.str(2).replaceAll("\\\\g<(\\w+)>", "\\${$1}").replaceAll("\\\\(\\d)", "\\$$1");
            Long count = a.optInt(3);
            if (count == null || count == 0) {
                return new Value.Str(mt.replaceAll(repl));
            }
            StringBuilder sb = new StringBuilder();
            long n = 0;
            while (n < count && mt.find()) {
                mt.appendReplacement(sb, repl);
                n++;
            }
            mt.appendTail(sb);
            return new Value.Str(sb.toString());
        });
        ns.fn("findall(string: str, pattern: str) -> [str | [str]]",
                "Every match of `pattern` in `string`, left to right: the matched text, the one group's text, or a "
                        + "list of the groups' texts when the pattern has several.", a -> {
            Matcher mt = pattern(a, a.str(1)).matcher(new TimedText(a.str(0), a.ctx()));
            List<Value> found = new ArrayList<>();
            while (mt.find()) {
                if (mt.groupCount() == 0) {
                    found.add(new Value.Str(mt.group()));
                } else if (mt.groupCount() == 1) {
                    found.add(new Value.Str(mt.group(1) == null ? "" : mt.group(1)));
                } else {
                    List<Value> groups = new ArrayList<>();
                    for (int g = 1; g <= mt.groupCount(); g++) {
                        groups.add(new Value.Str(mt.group(g) == null ? "" : mt.group(g)));
                    }
                    found.add(new Value.ListV(groups));
                }
            }
            return new Value.ListV(found);
        });
        ns.fn("split(string: str, pattern: str, maxsplit: int = 0) -> [str]",
                "The parts of `string` between matches of `pattern`, splitting at most `maxsplit` times (0: no "
                        + "limit).", a -> {
            Long max = a.optInt(2);
            String[] parts = pattern(a, a.str(1)).split(new TimedText(a.str(0), a.ctx()),
                    max == null || max == 0 ? -1 : (int) (max + 1));
            return new Value.ListV(java.util.Arrays.stream(parts).map(s -> (Value) new Value.Str(s)).toList());
        });
    }

    /**
     * {@code runtime.catch(func)}: calls a function of no arguments and returns the message of the error it
     * fails with (the program's own message for an {@code assert} or a check), or Undefined when it succeeds.
     * Running out of a limit (steps, depth) is not caught: the program as a whole is too big.
     */
    private static void runtime(Namespace ns) {
        ns.fn("catch(func: () -> any) -> str | None",
                "Calls `func` without arguments: the message of the error it fails with, or Undefined when it "
                        + "succeeds. Running out of a limit is not caught.", a -> {
            Value f = a.get(0);
            if (!(f instanceof Value.Func)) {
                throw a.wrong(0, f);
            }
            try {
                a.ctx().call(f, List.of(), Map.of());
                return Value.Undefined.UNDEFINED;
            } catch (EvalException e) {
                Code code = e.diagnostic().code();
                if (code == Code.E0506 || code == Code.E0509) {
                    throw e;
                }
                return new Value.Str(e.reason());
            }
        });
    }

    /** {@code template.execute(template, data={})} with Handlebars' semantics, and {@code template.html_escape}. */
    private static void template(Namespace ns) {
        ns.fn("execute(template: str, data: {str:any} = {}) -> str",
                "Renders a Handlebars template with `data`: `{{name}}` escaped for HTML, `{{{name}}}` as it is, and "
                        + "the `if`, `unless`, `each` and `with` blocks.", a -> {
            String text = a.str(0);
            Value data = a.opt(1);
            if (data != null && Values.entries(data) == null) {
                throw a.wrong(1, data);
            }
            try {
                Template t = Template.parse(text);
                return new Value.Str(t.render(data == null ? Map.of() : Values.toJavaWithPrivate(data)));
            } catch (TemplateException e) {
                throw a.bad("`template.execute`: the template's line " + e.line() + ", column " + e.column() + ": "
                        + e.getMessage());
            }
        });
        ns.fn("html_escape(data: str) -> str",
                "The text with `&`, `<`, `>`, `\"`, `'`, backquote and `=` replaced by HTML entities.",
                        a -> new Value.Str(Template.htmlEscape(a.str(0))));
    }

    private static void codec(Namespace ns, boolean base32) {
        String name = base32 ? "base32" : "base64";
        if (base32) {
            ns.fn("encode(value: str) -> str", "The base32 encoding (RFC 4648) of the string's UTF-8 bytes.", a ->
                    new Value.Str(Base32.encode(a.str(0).getBytes(StandardCharsets.UTF_8))));
        } else {
            ns.fn("encode(value: str, encoding: str = \"utf-8\") -> str",
                    "The base64 encoding of the string's bytes in `encoding`.", a -> new Value.Str(Base64.getEncoder()
                            .encodeToString(a.str(0).getBytes(CryptoModule.charset(a, a.optStr(1, "utf-8"))))));
        }
        ns.fn("decode(value: str) -> str", "The string whose UTF-8 bytes the " + name + " text encodes.", a -> {
            try {
                byte[] bytes = base32 ? Base32.decode(a.str(0)) : Base64.getDecoder().decode(a.str(0).strip());
                return new Value.Str(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw a.bad("`" + name + ".decode`: the input is not valid " + name);
            }
        });
    }

    /** Plain data (as read from JSON or YAML) as a value. */
    static Value fromJava(Object o) {
        return Values.fromJava(o);
    }

    static Object readData(Args a, String text, boolean yaml) {
        try {
            return yaml ? DataReader.readYaml(text) : DataReader.readJson(text);
        } catch (DataReader.ReadException e) {
            throw a.ctx().error(Code.E0507, "cannot decode " + (yaml ? "YAML" : "JSON") + ": " + e.getMessage());
        }
    }

    static String yamlText(Object data) {
        return YamlWriter.write(data);
    }
}
