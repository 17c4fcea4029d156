package dev.skiff.fuzz;

/** The parts of Skiff an input goes through, in order. */
public enum Stage {
    /** {@code Parser.parse}: lexing, parsing, the syntax tree. */
    PARSE,
    /** {@code Skiff.compile}: imports, name and type checks, evaluation. */
    COMPILE,
    /** {@code validate.Validation}: Kubernetes validation of the objects. */
    VALIDATE,
    /** YAML and JSON output, as the CLI writes it. */
    EMIT,
    /** The formatter, checked to keep the program's meaning. */
    FORMAT,
    /** Every language-server feature, at random positions, through the LSP4J server interface. */
    LSP
}
