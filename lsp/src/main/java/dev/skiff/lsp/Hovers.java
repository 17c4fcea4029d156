package dev.skiff.lsp;

import dev.skiff.modules.Program;
import dev.skiff.resolve.Symbol;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Stmt;
import dev.skiff.types.Occurrences;
import dev.skiff.types.SchemaType;
import dev.skiff.types.Type;
import dev.skiff.types.Types;
import java.util.List;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover: what the name under the cursor stands for, with its type and documentation — a schema with its
 * attributes, an attribute (a Kubernetes field with its OpenAPI description), a variable with its inferred type,
 * a parameter, a loop variable, a builtin with its signature.
 */
final class Hovers {
    private static final int MAX_ATTRIBUTES = 40;

    private Hovers() {
    }

    static Hover hover(DocumentAnalysis d, int offset) {
        if (!d.available()) {
            return null;
        }
        Occurrences.Occurrence o = d.occurrences().at(d.file(), offset);
        if (o == null) {
            return null;
        }
        String text = switch (o.target()) {
            case Occurrences.Target.Attribute a -> attribute(a.owner(), a.attribute());
            case Occurrences.Target.Of of -> symbol(d, of.symbol());
            case Occurrences.Target.Library l -> Signatures.markdown(l.qualified(), l.declaration());
        };
        return text == null ? null : new Hover(markdown(text));
    }

    static MarkupContent markdown(String text) {
        return new MarkupContent(MarkupKind.MARKDOWN, text == null ? "" : text);
    }

    private static String code(String line) {
        return "```\n" + line + "\n```";
    }

    /** {@code name: type (required)}, its doc, and the values it allows. */
    static String attribute(SchemaType owner, SchemaType.Attribute a) {
        StringBuilder sb = new StringBuilder(code(a.name() + (a.optional() ? "?" : "") + ": " + a.type().display()
                + (a.optional() ? "" : "  (required)")));
        sb.append("\n\nattribute of `").append(owner.name()).append('`');
        if (!a.doc().isBlank()) {
            sb.append("\n\n").append(a.doc());
        }
        List<Type.Literal> values = Types.literals(a.type());
        if (values.size() > 1) {
            sb.append("\n\nOne of: ").append(String.join(", ", values.stream().map(Type.Literal::display).toList()));
        }
        return sb.toString();
    }

    /** A schema: its declaration line, doc and attributes. */
    static String schema(SchemaType s) {
        StringBuilder sb = new StringBuilder();
        String kind = switch (s.kind()) {
            case MIXIN -> "mixin";
            case PROTOCOL -> "protocol";
            case RULE -> "rule";
            default -> "schema";
        };
        String parent = s.parent() == null ? "" : "(" + s.parent().name() + ")";
        String where = s.kubernetes() != null && s.kubernetes().apiVersion() != null
                ? "  (" + s.kubernetes().apiVersion() + ")" : "";
        sb.append(code(kind + " " + s.name() + parent + where));
        if (!s.doc().isBlank()) {
            sb.append("\n\n").append(s.doc());
        }
        if (!s.attributes().isEmpty()) {
            sb.append("\n\n");
            int n = 0;
            for (SchemaType.Attribute a : s.attributes().values()) {
                if (n++ == MAX_ATTRIBUTES) {
                    sb.append("- … (").append(s.attributes().size() - MAX_ATTRIBUTES).append(" more)\n");
                    break;
                }
                sb.append("- `").append(a.name()).append(": ").append(a.type().display()).append('`')
                        .append(a.optional() ? "" : " (required)").append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String symbol(DocumentAnalysis d, Symbol s) {
        Type type = d.types().symbolType(s);
        return switch (s.kind()) {
            case SCHEMA, RULE, KUBERNETES_TYPE -> type instanceof Type.Schema st ? schema(st.schema()) : null;
            case TYPE_ALIAS -> code("type " + s.name() + " = " + (type == null ? "any" : type.display()));
            case IMPORT -> code("import " + importPath(s)) + module(d, s);
            case ATTRIBUTE -> {
                if (s.owner() instanceof Stmt.SchemaDecl decl) {
                    SchemaType owner = d.types().of(decl);
                    SchemaType.Attribute a = owner.attribute(s.name());
                    if (a != null) {
                        yield attribute(owner, a);
                    }
                }
                yield code("(attribute) " + s.name() + ": " + display(d.inference().typeOf(s)));
            }
            case PARAMETER -> code("(parameter) " + s.name() + ": " + display(d.inference().typeOf(s)));
            case LOOP_VARIABLE -> code("(loop variable) " + s.name() + ": " + display(d.inference().typeOf(s)));
            case CONFIG_KEY -> code("(key) " + s.name() + ": " + display(d.inference().typeOf(s)));
            case INDEX_KEY -> code("(key) " + s.name() + ": str");
            case BUILTIN -> builtin(s.name());
            case VARIABLE, LOCAL -> {
                String lambda = lambda(s);
                yield lambda != null ? lambda : code(s.name() + ": " + display(d.inference().typeOf(s)));
            }
        };
    }

    private static String display(Type t) {
        return dev.skiff.types.Inference.widen(t).display();
    }

    /** A name bound to a lambda: its parameters and result, as written. */
    private static String lambda(Symbol s) {
        for (Node w : s.writers()) {
            if (w instanceof Stmt.Assign a && a.value() instanceof Expr.Lambda l) {
                StringBuilder sb = new StringBuilder(s.name()).append('(');
                for (int i = 0; i < l.params().size(); i++) {
                    Node.Param p = l.params().get(i);
                    sb.append(i == 0 ? "" : ", ").append(p.name().id());
                    if (p.type() != null) {
                        sb.append(": ").append(p.type().span().text());
                    }
                    if (p.defaultValue() != null) {
                        sb.append(" = ").append(p.defaultValue().span().text());
                    }
                }
                sb.append(')');
                if (l.returnType() != null) {
                    sb.append(" -> ").append(l.returnType().span().text());
                }
                return code(sb.toString());
            }
        }
        return null;
    }

    private static String builtin(String name) {
        dev.skiff.types.Declaration d = dev.skiff.eval.lib.Library.declarations().builtin(name);
        return d == null ? code(name) : Signatures.markdown(name, d);
    }

    static String importPath(Symbol s) {
        return s.declaration() instanceof Stmt.Import i ? i.path() : s.name();
    }

    /** What an import brings: a package's public names, or a Kubernetes module's kinds. */
    private static String module(DocumentAnalysis d, Symbol s) {
        if (!(s.declaration() instanceof Stmt.Import i)) {
            return "";
        }
        Program.Target t = d.analysis().program().target(i);
        return switch (t) {
            case Program.Target.Package p -> "\n\npackage `" + p.module().name() + "`";
            case Program.Target.Kubernetes k -> "\n\nKubernetes module `" + k.path() + "`";
            case Program.Target.System sys -> "\n\nsystem module `" + sys.name() + "`";
            case Program.Target.Missing m -> "\n\nnot found: " + m.message();
            case null -> "";
        };
    }
}
