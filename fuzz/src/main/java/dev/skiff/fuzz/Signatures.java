package dev.skiff.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Names a defect independently of the input that showed it: the stage, the verdict, the exception's class
 * and the top frames of Skiff's own code (or, for a reason given in words, its words without the numbers
 * and names that vary from input to input). Two inputs with one signature are taken to be one defect.
 */
final class Signatures {
    private static final int FRAMES = 3;

    private Signatures() {
    }

    static String of(Stage stage, Verdict verdict, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getStackTrace().length == 0) {
            root = root.getCause();
        }
        return stage + " " + verdict + " " + root.getClass().getSimpleName() + " at " + String.join(" < ", top(root.getStackTrace()));
    }

    /** The top frames in Skiff's code, outside the harness; for a stack overflow, the frames that repeat. */
    static List<String> top(StackTraceElement[] stack) {
        List<String> out = new ArrayList<>();
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("dev.skiff.") && !c.startsWith("dev.skiff.fuzz.")) {
                String frame = c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
                if (!out.contains(frame)) {
                    out.add(frame);
                }
                if (out.size() == FRAMES) {
                    break;
                }
            }
        }
        if (out.isEmpty() && stack.length > 0) {
            out.add(stack[0].getClassName() + "." + stack[0].getMethodName());
        }
        return out;
    }

    static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 20_000 ? s.substring(0, 20_000) + "\n…" : s;
    }

    static String trace(StackTraceElement[] stack) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < stack.length && i < 80; i++) {
            b.append("    at ").append(stack[i]).append('\n');
        }
        return b.toString();
    }

    /** A message with its variable parts (quoted names, numbers) blanked, so one defect has one signature. */
    static String words(String message) {
        String m = message.lines().findFirst().orElse("");
        m = m.replaceAll("`[^`]*`", "`_`").replaceAll("\"[^\"]*\"", "\"_\"").replaceAll("\\d+", "N");
        return m.length() > 120 ? m.substring(0, 120) : m;
    }
}
