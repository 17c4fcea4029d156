package dev.skiff.vet;

import dev.skiff.Analysis;
import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.k8s.YamlDocuments;
import dev.skiff.modules.ParseCache;
import dev.skiff.modules.Program;
import dev.skiff.modules.SourceReader;
import dev.skiff.resolve.Symbol;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kcl vet}: validates a YAML or JSON data file with a program's schema. The program (its files, with its
 * imports) is compiled with one more statement, {@code value = Schema {…data…}}, whose every part stands at its place
 * in the data file ({@link DataSyntax}), and run: the schema's attribute types, its {@code check:} blocks and the
 * program's own {@code assert}s judge the data, and each problem is reported at the data's line and column. Each
 * document of a YAML stream is validated on its own.
 */
public final class Vet {
    private Vet() {
    }

    /**
     * What to validate.
     *
     * @param code      the program's files (or its package directory)
     * @param data      the data file; its text may come from {@code request}'s overlay (standard input)
     * @param schema    the schema's name ({@code User}, {@code pkg.User}); null: the program's first schema
     * @param attribute the name the data is bound to ({@code value}, as in KCL)
     */
    public record Request(List<Path> code, Path data, String schema, String attribute) {
        public Request {
            code = List.copyOf(code);
        }
    }

    /**
     * Validates the data. The result's diagnostics are the program's errors, the data file's (not YAML), or what the
     * schema found in the data; none with an error means the data is valid.
     *
     * @param base options, working directory, overlay and Kubernetes version of the compilation
     */
    public static Result<String> validate(Request vet, CompileRequest base) {
        CompileRequest codeOnly = base.withInputs(vet.code());
        Analysis code = Skiff.analyze(codeOnly, ParseCache.NONE);
        // the program may read the data's name (`assert len(value) > 0`), undefined until the data joins it
        if (!code.available() || code.diagnostics().stream().anyMatch(d -> d.isError() && !(d.code() == Code.E0201
                && d.message().equals("name `" + vet.attribute() + "` is not defined")))) {
            return Result.failed(code.diagnostics());
        }
        String schema = vet.schema() != null ? vet.schema() : firstSchema(code.program().main());
        if (vet.schema() != null && !vet.schema().contains(".")
                && !(code.bindings().globals(Program.MAIN).get(vet.schema()) instanceof Symbol s
                && s.kind() == Symbol.Kind.SCHEMA)) {
            List<String> schemas = code.bindings().globals(Program.MAIN).values().stream()
                    .filter(s -> s.kind() == Symbol.Kind.SCHEMA).map(Symbol::name).toList();
            return Result.failed(List.of(Diagnostic.error(Code.E0201, null, "the program has no schema `"
                    + vet.schema() + "`" + (schemas.isEmpty() ? "" : " (it has " + quoted(schemas) + ")"))
                    .suggesting(vet.schema(), schemas)));
        }
        Path data = base.workDir().resolve(vet.data()).toAbsolutePath().normalize();
        String text = base.overlay().get(data);
        SourceFile file;
        if (text != null) {
            file = SourceFile.of(data, vet.data().toString(), text);
        } else {
            SourceReader.Read read = SourceReader.read(data, vet.data().toString());
            if (read.problem() != null) {
                return Result.failed(List.of(read.problem()));
            }
            file = read.file();
        }
        Result<List<YamlDocuments.Document>> docs = YamlDocuments.read(file);
        if (docs.hasErrors()) {
            return Result.failed(docs.diagnostics());
        }
        if (docs.value().isEmpty()) {
            return Result.failed(List.of(Diagnostic.error(Code.E0413, null, "`" + vet.data()
                    + "` holds no data to validate")));
        }
        List<Diagnostic> problems = new ArrayList<>();
        List<Path> inputs = new ArrayList<>(code.program().main().units().stream()
                .map(u -> Path.of(u.file().uri())).toList());
        inputs.add(data);
        for (YamlDocuments.Document doc : docs.value()) {
            SourceUnit unit = DataSyntax.unit(file, doc.data(), doc.node(), vet.attribute(), schema);
            ParseCache withData = f -> f.uri().equals(file.uri()) ? Result.ok(unit) : Parser.parse(f);
            CompileRequest request = base.withInputs(inputs).withOverlay(overlay(base, data, file));
            Compilation c = Skiff.evaluate(Skiff.analyze(request, withData), request);
            problems.addAll(c.diagnostics());
        }
        return problems.stream().anyMatch(Diagnostic::isError) ? Result.failed(problems)
                : Result.of(schema, problems);
    }

    /** The data's text stays what was read (standard input has no file behind it). */
    private static Map<Path, String> overlay(CompileRequest base, Path data, SourceFile file) {
        Map<Path, String> out = new java.util.HashMap<>(base.overlay());
        out.put(data, file.text());
        return out;
    }

    /** The first schema the program's files declare at their top level, in file order; null when none. */
    private static String firstSchema(Program.Module main) {
        for (SourceUnit u : main.units()) {
            for (Stmt s : u.body()) {
                if (s instanceof Stmt.SchemaDecl d) {
                    return d.name().id();
                }
            }
        }
        return null;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
