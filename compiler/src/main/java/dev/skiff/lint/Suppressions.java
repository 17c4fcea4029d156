package dev.skiff.lint;

import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.SourceUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # noqa} comments, the suppression Python's linters made familiar (KCL is written like Python): at the end
 * of the line a warning is reported on, {@code # noqa} silences every warning of that line and
 * {@code # noqa: E0601, unused-name} those codes or names only.
 */
final class Suppressions {
    private static final Pattern NOQA = Pattern.compile("#\\s*noqa\\b(?:\\s*:\\s*([\\w\\s,-]+))?",
            Pattern.CASE_INSENSITIVE);

    private Suppressions() {
    }

    static boolean suppressed(Diagnostic d, Program program) {
        Program.Module m = program.moduleOf(d.span().file());
        if (m == null) {
            return false;
        }
        int line = d.span().line();
        for (SourceUnit u : m.units()) {
            if (u.file() != d.span().file()) {
                continue;
            }
            for (Node.Comment c : u.comments()) {
                if (c.span().line() == line && silences(c.text(), d)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean silences(String comment, Diagnostic d) {
        Matcher m = NOQA.matcher(comment);
        if (!m.find()) {
            return false;
        }
        if (m.group(1) == null) {
            return true;
        }
        for (String code : m.group(1).split("[\\s,]+")) {
            String c = code.trim();
            if (c.equalsIgnoreCase(d.code().id()) || c.toLowerCase(Locale.ROOT).equals(d.code().slug())) {
                return true;
            }
        }
        return false;
    }
}
