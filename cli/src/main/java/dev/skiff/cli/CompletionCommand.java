package dev.skiff.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff completion [bash|zsh|fish]}: the shell completion script of every command and option. Bash's
 * is picocli's; zsh's is the same run through zsh's {@code bashcompinit}, as a file {@code compinit} loads;
 * fish's lists each command and its options with their descriptions.
 */
@Command(name = "completion",
        description = "Print a completion script for bash, zsh or fish.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {
                "  source <(skiff completion)                                  bash, in ~/.bashrc",
                "  skiff completion zsh > \"${fpath[1]}/_skiff\"                 zsh, then restart it",
                "  skiff completion fish > ~/.config/fish/completions/skiff.fish",
                "",
                "Exit codes: 0 printed, 2 bad usage."})
public final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", arity = "0..1", defaultValue = "bash",
            description = "bash (the default), zsh or fish.")
    Shell shell;

    /** The shells a script is made for. */
    enum Shell { bash, zsh, fish }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        CommandLine root = spec.root().commandLine();
        String bash = AutoComplete.bash("skiff", root);
        switch (shell) {
            case bash -> out.print(bash);
            case zsh -> out.print("#compdef skiff\n# zsh completion for skiff (bash's, through zsh's bashcompinit)\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + bash);
            case fish -> out.print(fish(root.getCommandSpec()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String fish(CommandSpec root) {
        StringBuilder sb = new StringBuilder("# fish completion for skiff\ncomplete -c skiff -f\n");
        List<String> names = List.copyOf(root.subcommands().keySet());
        for (String name : names) {
            CommandSpec sub = root.subcommands().get(name).getCommandSpec();
            sb.append("complete -c skiff -n '__fish_use_subcommand' -a ").append(name).append(" -d ")
                    .append(quote(first(sub.usageMessage().description()))).append('\n');
            for (OptionSpec o : sub.options()) {
                if (o.hidden()) {
                    continue;
                }
                sb.append("complete -c skiff -n '__fish_seen_subcommand_from ").append(name).append("'");
                for (String n : o.names()) {
                    if (n.startsWith("--")) {
                        sb.append(" -l ").append(n.substring(2));
                    } else if (n.length() == 2) {
                        sb.append(" -s ").append(n.substring(1));
                    }
                }
                if (o.arity().max() > 0) {
                    sb.append(o.completionCandidates() != null
                            ? " -x -a " + quote(String.join(" ", (Iterable<String>) o.completionCandidates())) : " -r -F");
                }
                sb.append(" -d ").append(quote(first(o.description()))).append('\n');
            }
            if (name.equals("completion")) {
                sb.append("complete -c skiff -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n");
            } else if (!sub.positionalParameters().isEmpty()) {
                sb.append("complete -c skiff -n '__fish_seen_subcommand_from ").append(name).append("' -F\n");
            }
        }
        return sb.toString();
    }

    private static String first(String[] lines) {
        String s = lines.length == 0 ? "" : lines[0];
        s = s.replaceAll("\\$\\{[A-Z-]+}", "").replaceAll("\\s+", " ").strip();
        int stop = s.indexOf(". ");
        return stop > 0 ? s.substring(0, stop + 1) : s;
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
