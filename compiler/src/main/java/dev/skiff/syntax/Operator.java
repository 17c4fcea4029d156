package dev.skiff.syntax;

/** Operator enums, each with the text it is written as. */
public final class Operator {
    private Operator() {
    }

    /** Binary operators, including the boolean {@code and}/{@code or}. */
    public enum Binary {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOOR_DIV("//"), MOD("%"), POW("**"),
        LSHIFT("<<"), RSHIFT(">>"), BIT_AND("&"), BIT_OR("|"), BIT_XOR("^"),
        AND("and"), OR("or");

        private final String text;

        Binary(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public enum Unary {
        NEG("-"), POS("+"), INVERT("~"), NOT("not");

        private final String text;

        Unary(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Comparison operators; a chain {@code a < b < c} is one {@link Expr.Compare}. */
    public enum Compare {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"),
        IS("is"), IS_NOT("is not");

        private final String text;

        Compare(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** How a config entry combines with what is already there. */
    public enum Config {
        /** {@code k: v} — unify (merge configs, conflict on differing scalars). */
        UNION(":"),
        /** {@code k = v} — override. */
        OVERRIDE("="),
        /** {@code k += v} — append to a list. */
        INSERT("+=");

        private final String text;

        Config(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Quantifier expressions {@code all x in e { ... }} and friends. */
    public enum Quantifier {
        ALL("all"), ANY("any"), MAP("map"), FILTER("filter");

        private final String text;

        Quantifier(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
