package dev.skiff.syntax;

import dev.skiff.diag.Code;
import dev.skiff.source.Span;
import org.antlr.v4.runtime.Token;

/** Number literals: bases, digit separators and KCL's unit multipliers ({@code 1Ki}, {@code 500m}). */
final class Numbers {
    private Numbers() {
    }

    static Expr intLiteral(BuildContext cx, Token t, Span span) {
        String text = t.getText().replace("_", "");
        String suffix = suffix(text);
        String digits = text.substring(0, text.length() - (suffix == null ? 0 : suffix.length()));
        try {
            long value;
            String lower = digits.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x")) {
                value = Long.parseLong(digits.substring(2), 16);
            } else if (lower.startsWith("0o")) {
                value = Long.parseLong(digits.substring(2), 8);
            } else if (lower.startsWith("0b")) {
                value = Long.parseLong(digits.substring(2), 2);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                value = Long.parseLong(digits.substring(1), 8); // `010` is octal in KCL, as `0o10`
            } else {
                value = Long.parseLong(digits);
            }
            return new Expr.IntLit(span, value, suffix);
        } catch (NumberFormatException e) {
            cx.error(Code.E0105, span, "the number `" + t.getText() + "` is malformed or does not fit in 64 bits");
            return new Expr.IntLit(span, 0, null);
        }
    }

    static Expr floatLiteral(BuildContext cx, Token t, Span span) {
        String text = t.getText().replace("_", "");
        String suffix = suffix(text);
        String digits = text.substring(0, text.length() - (suffix == null ? 0 : suffix.length()));
        try {
            double value = Double.parseDouble(digits);
            if (Double.isInfinite(value)) {
                cx.error(Code.E0105, span, "the number `" + t.getText() + "` is too large for a float");
            }
            return new Expr.FloatLit(span, value, suffix);
        } catch (NumberFormatException e) {
            cx.error(Code.E0105, span, "the number `" + t.getText() + "` is malformed");
            return new Expr.FloatLit(span, 0, null);
        }
    }

    /** The multiplier at the end of a literal, or null. Hex digits are never a multiplier. */
    private static String suffix(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            return null;
        }
        int end = text.length();
        if (end >= 2 && text.charAt(end - 1) == 'i' && "KMGTP".indexOf(text.charAt(end - 2)) >= 0) {
            return text.substring(end - 2);
        }
        char last = text.charAt(end - 1);
        if ("numkKMGTP".indexOf(last) >= 0) {
            return String.valueOf(last);
        }
        return null;
    }
}
