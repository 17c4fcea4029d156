package dev.skiff.cli;

import dev.skiff.OptionArgument;
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
            try {
                OptionArgument option = OptionArgument.parse(arg);
                options.put(option.key(), option.value());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return options;
    }
}
