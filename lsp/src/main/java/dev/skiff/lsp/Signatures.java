package dev.skiff.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signatures of KCL's builtin functions, string methods and system module functions, as an editor shows
 * them. The library defines its functions by code, not by declared parameters, so they are written out here;
 * a test checks that each one still names a function the library has.
 */
final class Signatures {
    /** A signature: its label and, for each parameter, the parameter's name and where it is in the label. */
    record Sig(String label, String doc, List<Param> params, boolean variadic) {
        int indexOf(String name) {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    record Param(String name, int start, int end) {
    }

    /** Builtins by name; several signatures for one name are overloads. */
    static final Map<String, List<Sig>> BUILTINS = new LinkedHashMap<>();
    /** String methods by name (the string itself is not a parameter). */
    static final Map<String, List<Sig>> STRING_METHODS = new LinkedHashMap<>();
    /** System module functions by {@code module.name}. */
    static final Map<String, List<Sig>> MODULES = new LinkedHashMap<>();

    static {
        b("print(*args, sep: str = \" \", end: str = \"\\n\")", "Prints the values to standard error, separated by `sep`.");
        b("len(x: str | list | dict) -> int", "The number of characters, items or entries.");
        b("range(stop: int) -> [int]", "The integers from 0 up to `stop` (excluded).");
        b("range(start: int, stop: int, step: int = 1) -> [int]", "The integers from `start` up to `stop` (excluded) by `step`.");
        b("sorted(iterable: list | dict | str, reverse: bool = False) -> list", "The items in ascending order.");
        b("reduce(function: (any, any) -> any, iterable: list | dict, initial: any = None) -> any",
                "Folds the items from the left: `function(acc, item)` for each, starting from `initial` (or the first item).");
        b("min(*values) -> any", "The smallest of the values, or of the items of a single list.");
        b("max(*values) -> any", "The largest of the values, or of the items of a single list.");
        b("sum(iterable: list, start: any = 0) -> any", "`start` plus the sum of the items.");
        b("abs(x: int | float) -> int | float", "The absolute value.");
        b("round(number: float, ndigits: int = None) -> int | float", "Rounded half to even, to `ndigits` decimals.");
        b("pow(x: int | float, y: int | float, z: int = None) -> int | float", "`x` to the power `y`, modulo `z` if given.");
        b("zip(*lists: list) -> [list]", "Lists of the items at the same index of each list.");
        b("all_true(iterable: list) -> bool", "Whether every item is true.");
        b("any_true(iterable: list) -> bool", "Whether some item is true.");
        b("isunique(iterable: list) -> bool", "Whether no item appears twice.");
        b("isnullish(x: any) -> bool", "Whether the value is None or Undefined.");
        b("multiplyof(a: int, b: int) -> bool", "Whether `a` is a multiple of `b`.");
        b("typeof(x: any, full_name: bool = False) -> str", "The name of the value's type.");
        b("option(key: str, type: str = \"\", required: bool = False, default: any = None, help: str = \"\") -> any",
                "The value of a `-D key=value` option of the command line.");
        b("hex(x: int) -> str", "The hexadecimal form, with `0x`.");
        b("oct(x: int) -> str", "The octal form, with `0o`.");
        b("bin(x: int) -> str", "The binary form, with `0b`.");
        b("ord(c: str) -> int", "The code point of a one-character string.");
        b("chr(i: int) -> str", "The one-character string of a code point.");
        b("int(x: any = 0, base: int = 10) -> int", "An integer from a number or string (with a unit suffix such as `1Gi`).");
        b("float(x: any = 0.0) -> float", "A float from a number or string.");
        b("str(x: any = \"\") -> str", "The string form of a value.");
        b("bool(x: any = False) -> bool", "Whether the value is true.");
        b("list(x: list | dict | str = []) -> list", "A list of the items (the keys of a dict).");
        b("dict(x: dict = {}, **entries) -> dict", "A dict of the entries.");

        s("upper() -> str", "The string in upper case.");
        s("lower() -> str", "The string in lower case.");
        s("capitalize() -> str", "The string with its first character in upper case, the rest in lower case.");
        s("title() -> str", "Each word capitalized.");
        s("strip(chars: str = None) -> str", "Without leading and trailing whitespace (or `chars`).");
        s("lstrip(chars: str = None) -> str", "Without leading whitespace (or `chars`).");
        s("rstrip(chars: str = None) -> str", "Without trailing whitespace (or `chars`).");
        s("split(sep: str = None, maxsplit: int = -1) -> [str]", "The parts between separators.");
        s("rsplit(sep: str = None, maxsplit: int = -1) -> [str]", "The parts between separators, split from the end.");
        s("splitlines(keepends: bool = False) -> [str]", "The lines.");
        s("join(iterable: [str]) -> str", "The items joined with the string between them.");
        s("replace(old: str, new: str, count: int = -1) -> str", "With `old` replaced by `new`.");
        s("startswith(prefix: str, start: int = 0, end: int = None) -> bool", "Whether the string starts with `prefix`.");
        s("endswith(suffix: str, start: int = 0, end: int = None) -> bool", "Whether the string ends with `suffix`.");
        s("find(sub: str, start: int = 0, end: int = None) -> int", "The first index of `sub`, or -1.");
        s("rfind(sub: str, start: int = 0, end: int = None) -> int", "The last index of `sub`, or -1.");
        s("index(sub: str, start: int = 0, end: int = None) -> int", "The first index of `sub` (an error if absent).");
        s("rindex(sub: str, start: int = 0, end: int = None) -> int", "The last index of `sub` (an error if absent).");
        s("count(sub: str, start: int = 0, end: int = None) -> int", "How many times `sub` occurs.");
        s("format(*args, **kwargs) -> str", "`{}` fields replaced by the arguments.");
        s("removeprefix(prefix: str) -> str", "Without `prefix` at the start.");
        s("removesuffix(suffix: str) -> str", "Without `suffix` at the end.");
        s("isalpha() -> bool", "Whether every character is a letter.");
        s("isdigit() -> bool", "Whether every character is a digit.");
        s("isalnum() -> bool", "Whether every character is a letter or digit.");
        s("islower() -> bool", "Whether the cased characters are all lower case.");
        s("isupper() -> bool", "Whether the cased characters are all upper case.");
        s("isspace() -> bool", "Whether every character is whitespace.");
        s("istitle() -> bool", "Whether each word is capitalized.");
        s("swapcase() -> str", "Upper case and lower case swapped.");
        s("chars() -> [str]", "The characters.");
        s("partition(sep: str) -> [str]", "The part before the first `sep`, `sep`, and the part after.");
        s("rpartition(sep: str) -> [str]", "The part before the last `sep`, `sep`, and the part after.");
        s("zfill(width: int) -> str", "Padded with zeros on the left to `width`.");
        s("center(width: int, fillchar: str = \" \") -> str", "Centred in `width` characters.");
        s("ljust(width: int, fillchar: str = \" \") -> str", "Padded on the right to `width`.");
        s("rjust(width: int, fillchar: str = \" \") -> str", "Padded on the left to `width`.");

        m("math.ceil(x: int | float) -> int", "The smallest integer not below `x`.");
        m("math.floor(x: int | float) -> int", "The largest integer not above `x`.");
        m("math.factorial(x: int) -> int", "`x!`.");
        m("math.gcd(a: int, b: int) -> int", "The greatest common divisor.");
        m("math.isfinite(x: float) -> bool", "Whether `x` is neither infinite nor NaN.");
        m("math.isinf(x: float) -> bool", "Whether `x` is infinite.");
        m("math.isnan(x: float) -> bool", "Whether `x` is NaN.");
        m("math.modf(x: float) -> [float]", "The fractional and integer parts.");
        m("math.exp(x: float) -> float", "e to the power `x`.");
        m("math.expm1(x: float) -> float", "e to the power `x`, minus 1.");
        m("math.log(x: float, e: float = 2.718281828459045) -> float", "The logarithm of `x` to base `e`.");
        m("math.log1p(x: float) -> float", "The natural logarithm of 1 + `x`.");
        m("math.log2(x: float) -> float", "The base-2 logarithm.");
        m("math.log10(x: float) -> float", "The base-10 logarithm.");
        m("math.pow(x: float, y: float) -> float", "`x` to the power `y`.");
        m("math.sqrt(x: float) -> float", "The square root.");
        m("regex.match(string: str, pattern: str) -> bool", "Whether `pattern` matches at the start of `string`.");
        m("regex.search(string: str, pattern: str) -> bool", "Whether `pattern` matches somewhere in `string`.");
        m("regex.compile(pattern: str) -> bool", "Whether `pattern` is a valid regular expression.");
        m("regex.replace(string: str, pattern: str, replace: str, count: int = 0) -> str", "With the matches replaced.");
        m("regex.findall(string: str, pattern: str) -> [str]", "Every match.");
        m("regex.split(string: str, pattern: str, maxsplit: int = 0) -> [str]", "The parts between matches.");
        for (String codec : List.of("base64", "base32")) {
            m(codec + ".encode(value: str) -> str", "The " + codec + " encoding of the string's UTF-8 bytes.");
            m(codec + ".decode(value: str) -> str", "The string whose UTF-8 bytes are the " + codec + " text.");
        }
        m("json.encode(data: any, sort_keys: bool = False, indent: int = None, ignore_private: bool = False, "
                + "ignore_none: bool = False) -> str", "The value as JSON.");
        m("json.dump_to_file(data: any, filename: str, sort_keys: bool = False, indent: int = None, "
                + "ignore_private: bool = False, ignore_none: bool = False)",
                "Writes the value as JSON to a file of the project, atomically.");
        m("json.decode(value: str) -> any", "The value of a JSON text.");
        m("json.validate(value: str) -> bool", "Whether the text is valid JSON.");
        m("yaml.encode(data: any, sort_keys: bool = False, ignore_private: bool = False, ignore_none: bool = False) "
                + "-> str", "The value as YAML.");
        m("yaml.encode_all(data: list, sort_keys: bool = False, ignore_private: bool = False, "
                + "ignore_none: bool = False) -> str", "The values as a stream of YAML documents.");
        m("yaml.dump_to_file(data: any, filename: str, sort_keys: bool = False, ignore_private: bool = False, "
                + "ignore_none: bool = False)", "Writes the value as YAML to a file of the project, atomically.");
        m("yaml.dump_all_to_file(data: list, filename: str, sort_keys: bool = False, ignore_private: bool = False, "
                + "ignore_none: bool = False)", "Writes the values as a YAML stream to a file of the project.");
        m("yaml.decode(value: str) -> any", "The value of a YAML text.");
        m("yaml.decode_all(value: str) -> [any]", "The values of a stream of YAML documents.");
        m("yaml.validate(value: str) -> bool", "Whether the text is valid YAML.");
        for (String digest : List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake3")) {
            m("crypto." + digest + "(value: str, encoding: str = \"utf-8\") -> str",
                    "The " + digest.toUpperCase(java.util.Locale.ROOT) + " digest of the string's bytes, in hex.");
        }
        for (String digest : List.of("sha256", "sha512", "blake3")) {
            m("crypto.file" + digest + "(filepath: str) -> str",
                    "The " + digest.toUpperCase(java.util.Locale.ROOT) + " digest of a file of the project, in hex.");
        }
        m("runtime.catch(func: () -> any) -> str",
                "Calls `func`; the message of the error it fails with, or Undefined when it succeeds.");
        m("template.execute(template: str, data: {str:} = {}) -> str",
                "Renders a Handlebars template over the data: `{{x}}` escaped, `{{{x}}}` raw, if/unless/each/with.");
        m("template.html_escape(data: str) -> str", "The text with `& < > \" ' ` =` replaced by HTML entities.");
        m("manifests.yaml_stream(values: list, opts: dict = None)", "Outputs the values as a YAML stream.");
        m("datetime.today() -> str", "The current date and time.");
        m("datetime.now(format: str = None) -> str", "The current time, formatted.");
        m("datetime.ticks() -> float", "Seconds since the epoch.");
        m("datetime.date() -> str", "The current date and time, as `2024-08-26 10:30:00`.");
        m("datetime.validate(date: str, format: str) -> bool",
                "Whether the whole of `date` has the strftime format and names a date that exists.");
        m("file.read(filepath: str) -> str", "The content of a file of the project.");
        m("file.exists(filepath: str) -> bool", "Whether the file exists.");
        m("file.abs(filepath: str) -> str", "The absolute path.");
        m("file.glob(pattern: str) -> [str]", "The files of the project matching the pattern, sorted.");
        m("file.workdir() -> str", "The project's directory, where relative paths start.");
        m("file.modpath() -> str", "The module's directory.");
        m("file.current() -> str", "The path of the file this call is written in.");
        m("file.size(filepath: str) -> int", "The size of a file of the project, in bytes.");
        m("file.mkdir(directory: str, exists: bool = False)", "Makes a directory of the project and its parents.");
        m("file.delete(filepath: str)", "Deletes a file or an empty directory of the project.");
        m("file.cp(src: str, dest: str)", "Copies a file or a directory within the project.");
        m("file.mv(src: str, dest: str)", "Moves a file or a directory within the project.");
        m("file.write(filepath: str, content: str)", "Replaces the content of a file of the project, atomically.");
        m("file.read_env(key: str) -> str", "The value of an environment variable, or Undefined.");
        m("net.split_host_port(ip_end_point: str) -> [str]", "The host and port of `host:port`.");
        m("net.join_host_port(host: str, port: int | str) -> str", "`host:port`.");
        m("net.is_IPv4(ip: str) -> bool", "Whether the text is an IPv4 address.");
        m("net.is_IP(ip: str) -> bool", "Whether the text is an IP address.");
        m("net.is_IPv6(ip: str) -> bool", "Whether the text is an IPv6 address.");
        m("net.parse_IP(ip: str) -> str", "The address in its canonical form, or \"\" if it is none.");
        m("net.IP_string(ip: str) -> str", "The address in its canonical form, or \"\" if it is none.");
        m("net.to_IP4(ip: str) -> str", "The IPv4 form of an address, or \"\" if it has none.");
        m("net.to_IP6(ip: str) -> str", "The IPv6 form of an address.");
        m("net.parse_CIDR(cidr: str) -> {str:}", "The network's first address `ip` and prefix length `mask`, or {}.");
        m("net.is_IP_in_CIDR(ip: str, cidr: str) -> bool", "Whether the address is in the network.");
        m("net.CIDR_subnet(cidr: str, additional_bits: int, net_num: int) -> str",
                "The `net_num`th network with `additional_bits` more prefix bits inside `cidr`.");
        m("net.CIDR_subnets(cidr: str, additional_bits: [int]) -> [str]",
                "Networks of the given sizes inside `cidr`, each at the lowest free place.");
        m("net.CIDR_host(cidr: str, host_num: int) -> str", "The `host_num`th address of the network (-1: the last).");
        m("net.CIDR_netmask(cidr: str) -> str", "The IPv4 netmask of the network.");
    }

    private Signatures() {
    }

    private static void b(String label, String doc) {
        put(BUILTINS, label, doc);
    }

    private static void s(String label, String doc) {
        put(STRING_METHODS, label, doc);
    }

    private static void m(String label, String doc) {
        put(MODULES, label, doc);
    }

    private static void put(Map<String, List<Sig>> into, String label, String doc) {
        String name = label.substring(0, label.indexOf('('));
        into.computeIfAbsent(name, k -> new ArrayList<>()).add(parse(label, doc));
    }

    /**
     * Finds the parameters of a label {@code name(p: T = d, *rest) -> R}: split at the commas between its
     * parentheses that are outside brackets and strings.
     */
    static Sig parse(String label, String doc) {
        int open = label.indexOf('(');
        List<Param> params = new ArrayList<>();
        boolean variadic = false;
        int depth = 0;
        char quote = 0;
        int start = open + 1;
        int i = open + 1;
        for (; i < label.length(); i++) {
            char c = label.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                variadic |= addParam(label, start, i, params);
                start = i + 1;
                if (c == ')') {
                    break;
                }
            }
        }
        return new Sig(label, doc, List.copyOf(params), variadic);
    }

    private static boolean addParam(String label, int from, int to, List<Param> params) {
        while (from < to && label.charAt(from) == ' ') {
            from++;
        }
        if (from >= to) {
            return false;
        }
        int nameEnd = from;
        while (nameEnd < to && label.charAt(nameEnd) == '*') {
            nameEnd++;
        }
        while (nameEnd < to && (Character.isLetterOrDigit(label.charAt(nameEnd)) || label.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        String name = label.substring(from, nameEnd).replace("*", "");
        params.add(new Param(name, from, to));
        return label.charAt(from) == '*';
    }
}
