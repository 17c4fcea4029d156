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

    static void register(Map<String, Value.Module> out) {
        out.put("math", module("math", SystemModules::math));
        out.put("regex", module("regex", SystemModules::regex));
        out.put("base64", module("base64", m -> codec(m, false)));
        out.put("base32", module("base32", m -> codec(m, true)));
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

    private static Value.Module module(String name, java.util.function.Consumer<Map<String, Value>> body) {
        Map<String, Value> members = new LinkedHashMap<>();
        body.accept(members);
        return new Value.Module(name, members);
    }

    static void fn(Map<String, Value> m, String module, String name, java.util.function.Function<Args, Value> body) {
        Map<String, Value.Func> tmp = new LinkedHashMap<>();
        Library.define(tmp, module + "." + name, body);
        m.put(name, tmp.values().iterator().next());
    }

    private static Value num(double d) {
        return new Value.Float(d);
    }

    private static void math(Map<String, Value> m) {
        fn(m, "math", "ceil", a -> a.get(0, "x") instanceof Value.Int i ? i : new Value.Int((long) Math.ceil(a.number(0, "x"))));
        fn(m, "math", "floor", a -> a.get(0, "x") instanceof Value.Int i ? i : new Value.Int((long) Math.floor(a.number(0, "x"))));
        fn(m, "math", "factorial", a -> {
            long n = a.integer(0, "x");
            if (n < 0 || n > 20) {
                throw a.bad("`math.factorial` needs 0 ≤ x ≤ 20, found " + n);
            }
            long r = 1;
            for (long i = 2; i <= n; i++) {
                r *= i;
            }
            return new Value.Int(r);
        });
        fn(m, "math", "gcd", a -> new Value.Int(BigInteger.valueOf(a.integer(0, "a")).gcd(BigInteger.valueOf(a.integer(1, "b"))).longValue()));
        fn(m, "math", "isfinite", a -> Value.Bool.of(Double.isFinite(a.number(0, "x"))));
        fn(m, "math", "isinf", a -> Value.Bool.of(Double.isInfinite(a.number(0, "x"))));
        fn(m, "math", "isnan", a -> Value.Bool.of(Double.isNaN(a.number(0, "x"))));
        fn(m, "math", "modf", a -> {
            double x = a.number(0, "x");
            double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            return new Value.ListV(List.of(num(x - whole), num(whole)));
        });
        fn(m, "math", "exp", a -> num(Math.exp(a.number(0, "x"))));
        fn(m, "math", "expm1", a -> num(Math.expm1(a.number(0, "x"))));
        fn(m, "math", "log", a -> {
            double x = a.number(0, "x");
            Value base = a.opt(1, "e");
            return num(base == null ? Math.log(x) : Math.log(x) / Math.log(Values.asDouble(base)));
        });
        fn(m, "math", "log1p", a -> num(Math.log1p(a.number(0, "x"))));
        fn(m, "math", "log2", a -> num(Math.log(a.number(0, "x")) / Math.log(2)));
        fn(m, "math", "log10", a -> num(Math.log10(a.number(0, "x"))));
        // a float, as Python's math.pow and KCL's (the `**` operator keeps ints)
        fn(m, "math", "pow", a -> new Value.Float(Math.pow(a.number(0, "x"), a.number(1, "y"))));
        fn(m, "math", "sqrt", a -> num(Math.sqrt(a.number(0, "x"))));
    }

    /** Python regular expressions in Java's dialect: named groups are written {@code (?P<name>…)} in Python. */
    private static Pattern pattern(Args a, String p) {
        try {
            return Pattern.compile(p.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>"));
        } catch (PatternSyntaxException e) {
            throw a.bad("invalid regular expression `" + p + "`: " + e.getDescription());
        }
    }

    private static void regex(Map<String, Value> m) {
        // as KCL's runtime (`Regex::is_match`): a match anywhere in the string, not only at its start
        fn(m, "regex", "match", a -> Value.Bool.of(pattern(a, a.str(1, "pattern")).matcher(a.str(0, "string")).find()));
        fn(m, "regex", "search", a -> Value.Bool.of(pattern(a, a.str(1, "pattern")).matcher(a.str(0, "string")).find()));
        fn(m, "regex", "compile", a -> {
            try {
                Pattern.compile(a.str(0, "pattern").replace("(?P<", "(?<"));
                return Value.Bool.TRUE;
            } catch (PatternSyntaxException e) {
                return Value.Bool.FALSE;
            }
        });
        fn(m, "regex", "replace", a -> {
            Matcher mt = pattern(a, a.str(1, "pattern")).matcher(a.str(0, "string"));
            String repl = a.str(2, "replace").replaceAll("\\\\g<(\\w+)>", "\\${$1}").replaceAll("\\\\(\\d)", "\\$$1");
            Long count = a.optInt(3, "count");
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
        fn(m, "regex", "findall", a -> {
            Matcher mt = pattern(a, a.str(1, "pattern")).matcher(a.str(0, "string"));
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
        fn(m, "regex", "split", a -> {
            Long max = a.optInt(2, "maxsplit");
            String[] parts = pattern(a, a.str(1, "pattern")).split(a.str(0, "string"),
                    max == null || max == 0 ? -1 : (int) (max + 1));
            return new Value.ListV(java.util.Arrays.stream(parts).map(s -> (Value) new Value.Str(s)).toList());
        });
    }

    /**
     * {@code runtime.catch(func)}: calls a function of no arguments and returns the message of the error it
     * fails with (the program's own message for an {@code assert} or a check), or Undefined when it succeeds.
     * Running out of a limit (steps, depth) is not caught: the program as a whole is too big.
     */
    private static void runtime(Map<String, Value> m) {
        fn(m, "runtime", "catch", a -> {
            Value f = a.get(0, "func");
            if (!(f instanceof Value.Func)) {
                throw a.wrong("func", "a function", f);
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
    private static void template(Map<String, Value> m) {
        fn(m, "template", "execute", a -> {
            String text = a.str(0, "template");
            Value data = a.opt(1, "data");
            if (data != null && Values.entries(data) == null) {
                throw a.wrong("data", "a dict", data);
            }
            try {
                Template t = Template.parse(text);
                return new Value.Str(t.render(data == null ? Map.of() : Values.toJavaWithPrivate(data)));
            } catch (TemplateException e) {
                throw a.bad("`template.execute`: the template's line " + e.line() + ", column " + e.column() + ": "
                        + e.getMessage());
            }
        });
        fn(m, "template", "html_escape", a -> new Value.Str(Template.htmlEscape(a.str(0, "data"))));
    }

    private static void codec(Map<String, Value> m, boolean base32) {
        String name = base32 ? "base32" : "base64";
        fn(m, name, "encode", a -> {
            byte[] bytes = a.str(0, "value").getBytes(StandardCharsets.UTF_8);
            return new Value.Str(base32 ? Base32.encode(bytes) : Base64.getEncoder().encodeToString(bytes));
        });
        fn(m, name, "decode", a -> {
            try {
                byte[] bytes = base32 ? Base32.decode(a.str(0, "value")) : Base64.getDecoder().decode(a.str(0, "value").strip());
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
