package dev.skiff.eval.lib;

import dev.skiff.types.FunctionTypes;
import dev.skiff.types.Type;
import java.util.Map;

/**
 * The result types of the library's functions, for the checker: what each builtin and string method returns
 * whenever it returns at all. Functions whose result depends on their arguments ({@code min}, {@code abs}) are
 * {@code any}.
 */
final class LibraryTypes implements FunctionTypes {
    static final LibraryTypes INSTANCE = new LibraryTypes();

    private static final Type STRS = new Type.ListOf(Type.STR);
    private static final Map<String, Type> BUILTINS = Map.ofEntries(
            Map.entry("len", Type.INT), Map.entry("int", Type.INT), Map.entry("ord", Type.INT),
            Map.entry("str", Type.STR), Map.entry("typeof", Type.STR), Map.entry("hex", Type.STR),
            Map.entry("oct", Type.STR), Map.entry("bin", Type.STR), Map.entry("chr", Type.STR),
            Map.entry("float", Type.FLOAT), Map.entry("bool", Type.BOOL), Map.entry("all_true", Type.BOOL),
            Map.entry("any_true", Type.BOOL), Map.entry("isunique", Type.BOOL), Map.entry("multiplyof", Type.BOOL),
            Map.entry("isnullish", Type.BOOL), Map.entry("range", new Type.ListOf(Type.INT)),
            Map.entry("print", Type.NONE));
    private static final Map<String, Type> STRING_METHODS = Map.ofEntries(
            Map.entry("upper", Type.STR), Map.entry("lower", Type.STR), Map.entry("capitalize", Type.STR),
            Map.entry("title", Type.STR), Map.entry("swapcase", Type.STR), Map.entry("strip", Type.STR),
            Map.entry("lstrip", Type.STR), Map.entry("rstrip", Type.STR), Map.entry("replace", Type.STR),
            Map.entry("removeprefix", Type.STR), Map.entry("removesuffix", Type.STR), Map.entry("zfill", Type.STR),
            Map.entry("center", Type.STR), Map.entry("ljust", Type.STR), Map.entry("rjust", Type.STR),
            Map.entry("format", Type.STR), Map.entry("join", Type.STR),
            Map.entry("count", Type.INT), Map.entry("find", Type.INT), Map.entry("rfind", Type.INT),
            Map.entry("index", Type.INT), Map.entry("rindex", Type.INT),
            Map.entry("startswith", Type.BOOL), Map.entry("endswith", Type.BOOL), Map.entry("isalnum", Type.BOOL),
            Map.entry("isalpha", Type.BOOL), Map.entry("isdigit", Type.BOOL), Map.entry("isspace", Type.BOOL),
            Map.entry("islower", Type.BOOL), Map.entry("isupper", Type.BOOL), Map.entry("istitle", Type.BOOL),
            Map.entry("split", STRS), Map.entry("rsplit", STRS), Map.entry("splitlines", STRS),
            Map.entry("chars", STRS), Map.entry("partition", STRS), Map.entry("rpartition", STRS));

    private LibraryTypes() {
    }

    private static Type function(Type result) {
        return result == null ? null : new Type.Function(null, result);
    }

    @Override
    public Type builtin(String name) {
        return Library.builtin(name).isEmpty() ? null : function(BUILTINS.getOrDefault(name, Type.ANY));
    }

    @Override
    public Type stringMethod(String name) {
        return Library.stringMethod(name).isEmpty() ? null : function(STRING_METHODS.getOrDefault(name, Type.ANY));
    }

    @Override
    public Type member(String module, String name) {
        var m = Library.systemModule(module);
        if (m.isEmpty() || !m.get().members().containsKey(name)) {
            return null;
        }
        return m.get().members().get(name) instanceof dev.skiff.eval.value.Value.Func ? Type.FUNCTION : Type.ANY;
    }
}
