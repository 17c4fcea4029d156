package dev.skiff.vet;

import dev.skiff.k8s.YamlNode;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Operator;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON document as the syntax of the statement {@code value = Schema {…}}, every part placed at its own
 * line and column of the data file, as {@code kcl vet} builds it: the program that checks the data then reports a
 * wrong type, an unknown or missing attribute or a failed {@code check:} at the data's own place, with the data's line
 * and a caret. A mapping at the top (or each mapping of a list at the top) is an instance of the schema; mappings
 * inside it are plain configs, which the schema's attribute types make instances of their own schemas.
 */
public final class DataSyntax {
    private DataSyntax() {
    }

    /**
     * The file's syntax tree: one assignment of the document to {@code attribute}.
     *
     * @param schema the schema's name as written in code ({@code User}, {@code pkg.User}), or null for plain data
     */
    public static SourceUnit unit(SourceFile file, Object data, YamlNode node, String attribute, String schema) {
        Span whole = Span.of(file, 0, file.length());
        Expr value = value(file, data, node, schema);
        Stmt assign = new Stmt.Assign(value.span(), List.of(new Expr.Name(value.span(), attribute)), null, value);
        return new SourceUnit(whole, file, List.of(assign), List.of());
    }

    private static Expr value(SourceFile file, Object data, YamlNode node, String schema) {
        Span at = node == null ? Span.of(file, 0, 0) : dev.skiff.validate.YamlValues.firstLine(file, node);
        return switch (data) {
            case Map<?, ?> map -> {
                List<ConfigEntry> entries = new ArrayList<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    YamlNode child = node == null ? null : node.fields().get(key);
                    Span keySpan = child != null && child.keyStart() >= 0
                            ? Span.of(file, child.keyStart(), Math.max(child.keyStart(), child.keyEnd())) : at;
                    Expr v = value(file, e.getValue(), child, null);
                    entries.add(new ConfigEntry.KeyValue(keySpan, new Expr.StrLit(keySpan, key, false, "\""),
                            Operator.Config.UNION, v));
                }
                Expr.ConfigLit config = new Expr.ConfigLit(at, entries);
                yield schema == null ? config : new Expr.SchemaInst(at, schemaName(at, schema), List.of(), List.of(),
                        config);
            }
            case List<?> list -> {
                List<Expr> items = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    YamlNode child = node != null && i < node.items().size() ? node.items().get(i) : null;
                    items.add(value(file, list.get(i), child, schema));
                }
                yield new Expr.ListLit(at, items);
            }
            case String s -> new Expr.StrLit(at, s, false, "\"");
            case Boolean b -> new Expr.BoolLit(at, b);
            case Double d -> new Expr.FloatLit(at, d, null);
            case Float f -> new Expr.FloatLit(at, f, null);
            case BigInteger big -> big.bitLength() < 64 ? new Expr.IntLit(at, big.longValue(), null)
                    : new Expr.FloatLit(at, big.doubleValue(), null);
            case Number n -> n instanceof java.math.BigDecimal dec ? new Expr.FloatLit(at, dec.doubleValue(), null)
                    : new Expr.IntLit(at, n.longValue(), null);
            case null -> new Expr.NoneLit(at);
            default -> new Expr.StrLit(at, String.valueOf(data), false, "\"");
        };
    }

    /** {@code S} or {@code pkg.S}, placed at the value it types. */
    private static Expr schemaName(Span at, String schema) {
        String[] parts = schema.split("\\.");
        Expr e = new Expr.Name(at, parts[0]);
        for (int i = 1; i < parts.length; i++) {
            e = new Expr.Selector(at, e, new Expr.Name(at, parts[i]), false);
        }
        return e;
    }
}
