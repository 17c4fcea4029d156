package dev.skiff.diag;

/**
 * Every diagnostic Skiff can report has one stable code. Tools branch on codes, never on message text.
 * Ranges: E01xx syntax, E02xx names and modules, E03xx types, E04xx Kubernetes schema, E05xx evaluation,
 * E09xx internal. A code, once released, keeps its number and meaning; new codes go at the end of their
 * range. Each code has at least one golden test (checked by a test) and a line of documentation here.
 */
public enum Code {
    // E01xx — syntax
    E0101("syntax-error", "The text does not follow Skiff's grammar at this point."),
    E0102("unterminated-string", "A string literal is not closed before the end of the line or file."),
    E0103("bad-indentation", "Indentation does not match any enclosing block, or mixes tabs and spaces."),
    E0104("bad-character", "A character that cannot start any token."),
    E0105("bad-number", "A number literal is malformed or does not fit in 64 bits."),
    E0106("bad-escape", "A string contains an escape sequence Skiff does not know."),
    E0107("unclosed-bracket", "A bracket, brace or parenthesis is never closed, or is closed by the wrong kind."),
    E0108("bad-encoding", "The file is not UTF-8 text (binary content or invalid bytes)."),
    E0109("too-deep", "Expressions or blocks are nested deeper than Skiff allows."),
    E0110("bad-interpolation", "A `${...}` interpolation in a string is malformed."),

    // E02xx — names and modules
    E0201("undefined-name", "A name is used that is not defined in this scope."),
    E0202("module-not-found", "An import names a module that cannot be found."),
    E0203("import-cycle", "Modules import each other in a cycle."),
    E0204("undefined-member", "A module or value has no member of this name."),
    E0205("immutable", "A name is assigned again where KCL's rules make it immutable."),
    E0206("file-not-found", "An input file or directory does not exist or cannot be read."),
    E0207("duplicate-definition", "A schema, rule, type or parameter is defined twice."),
    E0208("package-not-installed", "A `kcl.mod` dependency is in neither the project's `vendor/` directory nor the "
            + "package cache: `skiff mod pull` fetches it."),
    E0209("package-source", "A package cannot be fetched: its registry or git remote is unreachable, it does not "
            + "exist there, or what it holds is not a KCL package."),
    E0210("package-checksum", "A package's contents do not match the checksum `kcl.mod.lock` records for it."),
    E0211("lock-out-of-date", "`--locked` was given and `kcl.mod.lock` would change."),

    // E03xx — types
    E0301("type-mismatch", "A value does not have the type its declaration requires."),
    E0302("unknown-attribute", "A schema has no attribute of this name."),
    E0303("missing-attribute", "A required schema attribute has no value."),
    E0304("not-callable", "A value is called that is not a function, schema or type."),
    E0305("bad-arguments", "A call has too many or too few arguments, or an unknown keyword argument."),
    E0306("unknown-type", "A type annotation names a type that does not exist."),
    E0307("bad-operand", "An operator is applied to values of types it does not support."),
    E0308("not-subscriptable", "A value is indexed that cannot be indexed."),
    E0309("not-iterable", "A value is iterated that cannot be iterated."),
    E0310("bad-inheritance", "A schema inherits from or mixes in something that is not a schema or mixin."),

    // E04xx — Kubernetes schema
    E0401("unknown-field", "Retired: an unknown field of a Kubernetes object is E0302, as for any schema.", true),
    E0402("out-of-range", "An integer is outside the range of its field's format (int32, int64)."),
    E0403("missing-required", "Retired: a missing required Kubernetes field is E0303, as for any schema.", true),
    E0404("not-in-enum", "Retired: a value outside a field's allowed values is E0301, as for any literal type.", true),
    E0405("bad-quantity", "A resource quantity such as `500m` or `1Gi` is malformed."),
    E0406("bad-int-or-string", "An int-or-string field holds an int32 out of range or a malformed string."),
    E0407("bad-label-value", "A label value is not valid syntax."),
    E0408("bad-label-key", "A label or annotation key is not a valid qualified name."),
    E0409("bad-format", "A string field does not match its format (an RFC 3339 date-time, or base64 bytes)."),
    E0410("unknown-kind", "An object's `apiVersion` and `kind` name no type of the selected Kubernetes version."),
    E0411("constraint", "A value breaks a CRD schema's constraint (`minimum`, `maximum`, `pattern`, length)."),
    E0412("bad-crd", "A CustomResourceDefinition file cannot be read or has no usable schema."),
    E0413("bad-manifest", "Manifests read by `skiff import`, `check`, `post-render` or `krm` are not valid YAML, not "
            + "Kubernetes objects, or not the expected input (a `ResourceList`, a function config)."),
    E0414("server-set-fields", "`skiff import` left out fields the API server sets (`status`, `uid`, `managedFields`, …)."),
    E0415("private-key", "`skiff import` left out a key starting with `_`: Skiff, like KCL, keeps such keys out of "
            + "the output."),
    E0416("duplicate-object", "Two objects have the same API group, kind, namespace and name: applying them, one "
            + "would silently replace the other."),

    // E05xx — evaluation
    E0501("check-failed", "A schema's `check:` condition is false."),
    E0502("assertion-failed", "An `assert` statement's condition is false."),
    E0503("conflict", "Two values for the same attribute or key cannot be unified."),
    E0504("division-by-zero", "A division or modulo by zero."),
    E0505("index-out-of-range", "A list or string index is outside its bounds."),
    E0506("recursion-limit", "Evaluation recursed deeper than Skiff allows."),
    E0507("bad-value", "A function received a value it cannot work with."),
    E0508("option-error", "A required option (`-D key=value`) is missing or has the wrong type."),
    E0509("limit-exceeded", "Evaluation exceeded a size or step limit."),
    E0510("cyclic-reference", "A value depends on itself."),
    E0511("io-error", "A file the program reads or writes cannot be read or written, or lies outside the project."),
    E0513("deprecated", "A schema or attribute marked `@deprecated` is used: an error when the decorator is strict "
            + "(the default), a warning otherwise."),

    // E09xx — internal
    E0901("internal-error", "Skiff itself failed. This is a bug in Skiff; please report it.");

    private final String slug;
    private final String summary;
    private final boolean retired;

    Code(String slug, String summary) {
        this(slug, summary, false);
    }

    Code(String slug, String summary, boolean retired) {
        this.slug = slug;
        this.summary = summary;
        this.retired = retired;
    }

    /**
     * Whether Skiff no longer reports this code: the mistake it stood for is reported under another (its summary
     * says which). The number stays reserved so that it never means something else.
     */
    public boolean retired() {
        return retired;
    }

    /** The code as users see it, e.g. {@code E0201}. */
    public String id() {
        return name();
    }

    /** A short kebab-case name, e.g. {@code undefined-name}. */
    public String slug() {
        return slug;
    }

    /** One sentence saying what this code means, for documentation. */
    public String summary() {
        return summary;
    }
}
