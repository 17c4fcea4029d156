package dev.skiff.cli;

import dev.skiff.diag.Diagnostic;
import dev.skiff.validate.ManifestCheck;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code skiff check} found, per program and per manifest file: every diagnostic, the counts of its
 * summary line, and the same as a JUnit XML report (one test case per program and per object) for CI
 * systems that show test results.
 */
final class Report {
    /** One test case: a program, or one object of a manifest file. */
    private record Case(String suite, String name, List<Diagnostic> problems, boolean skipped) {
    }

    private final List<Diagnostic> loose = new ArrayList<>();
    private final List<Case> cases = new ArrayList<>();
    private int programs;
    private int files;
    int objects;
    private int valid;
    private int invalid;
    private int skipped;

    void problems(List<Diagnostic> ds) {
        loose.addAll(ds);
    }

    void program(String name, List<Diagnostic> ds) {
        programs++;
        cases.add(new Case("programs", name, List.copyOf(ds), false));
    }

    void file(String name, ManifestCheck.Outcome outcome) {
        files++;
        if (!outcome.fileProblems().isEmpty()) {
            cases.add(new Case(name, name, outcome.fileProblems(), false));
        }
        for (ManifestCheck.Checked o : outcome.objects()) {
            objects++;
            switch (o.status()) {
                case VALID -> valid++;
                case INVALID -> invalid++;
                case SKIPPED -> skipped++;
            }
            Span at = o.at();
            String where = at == null ? "" : " (line " + at.line() + ")";
            cases.add(new Case(name, o.title() + where, o.problems(), o.status() == ManifestCheck.Status.SKIPPED));
        }
    }

    List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(loose);
        cases.forEach(c -> all.addAll(c.problems()));
        return all;
    }

    long errors() {
        return diagnostics().stream().filter(Diagnostic::isError).count();
    }

    /** {@code checked 2 programs and 3 manifest files (40 objects: 39 valid, 1 invalid, 0 skipped): 2 errors found}. */
    String summary() {
        List<String> what = new ArrayList<>();
        if (programs > 0) {
            what.add(plural(programs, "program"));
        }
        if (files > 0) {
            what.add(plural(files, "manifest file"));
        }
        StringBuilder sb = new StringBuilder("checked ").append(what.isEmpty() ? "nothing" : String.join(" and ", what));
        if (files > 0) {
            sb.append(" (").append(plural(objects, "object")).append(": ").append(valid).append(" valid, ")
                    .append(invalid).append(" invalid, ").append(skipped).append(" skipped)");
        } else if (programs > 0) {
            sb.append(" (").append(plural(objects, "Kubernetes object")).append(")");
        }
        long errors = errors();
        long warnings = diagnostics().stream().filter(d -> !d.isError()).count();
        sb.append(": ").append(errors == 0 ? "no errors" : plural(errors, "error") + " found");
        if (warnings > 0) {
            sb.append(", ").append(plural(warnings, "warning"));
        }
        return sb.toString();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A JUnit XML report: a suite for the programs and one per manifest file, a case per program or object. */
    String junit() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = cases.stream().filter(c -> c.problems().stream().anyMatch(Diagnostic::isError)).count();
        sb.append("<testsuites name=\"skiff check\" tests=\"").append(cases.size()).append("\" failures=\"")
                .append(failures).append("\">\n");
        List<String> suites = cases.stream().map(Case::suite).distinct().toList();
        for (String suite : suites) {
            List<Case> in = cases.stream().filter(c -> c.suite().equals(suite)).toList();
            long f = in.stream().filter(c -> c.problems().stream().anyMatch(Diagnostic::isError)).count();
            long s = in.stream().filter(Case::skipped).count();
            sb.append("  <testsuite name=\"").append(xml(suite)).append("\" tests=\"").append(in.size())
                    .append("\" failures=\"").append(f).append("\" skipped=\"").append(s).append("\">\n");
            for (Case c : in) {
                sb.append("    <testcase classname=\"").append(xml(suite)).append("\" name=\"").append(xml(c.name()))
                        .append("\"");
                List<Diagnostic> errors = c.problems().stream().filter(Diagnostic::isError).toList();
                if (errors.isEmpty() && !c.skipped()) {
                    sb.append("/>\n");
                    continue;
                }
                sb.append(">\n");
                if (c.skipped()) {
                    sb.append("      <skipped/>\n");
                } else {
                    sb.append("      <failure message=\"").append(xml(errors.get(0).message())).append("\" type=\"")
                            .append(errors.get(0).code()).append("\">")
                            .append(xml(dev.skiff.diag.TextRenderer.renderPlain(errors))).append("</failure>\n");
                }
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        List<Diagnostic> looseErrors = loose.stream().filter(Diagnostic::isError).toList();
        if (!looseErrors.isEmpty()) {
            sb.append("  <testsuite name=\"inputs\" tests=\"1\" failures=\"1\">\n    <testcase classname=\"inputs\" name=\"inputs\">\n")
                    .append("      <failure message=\"").append(xml(looseErrors.get(0).message())).append("\">")
                    .append(xml(dev.skiff.diag.TextRenderer.renderPlain(looseErrors))).append("</failure>\n")
                    .append("    </testcase>\n  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    private static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                        sb.append(' ');
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
