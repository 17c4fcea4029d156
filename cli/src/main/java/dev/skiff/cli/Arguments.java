package dev.skiff.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The {@code -D KEY=VALUE} options shared by the compiling commands. */
final class Arguments {
    private Arguments() {
    }

    static Map<String, String> parse(List<String> arguments, CommandLine.Model.CommandSpec spec) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : arguments) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "-D expects KEY=VALUE, got `" + arg + "`");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
