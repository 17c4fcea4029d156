package dev.skiff.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Diagnostic;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The generators make what they promise: programs that follow the grammar, whatever layout they are given. */
class ProgramsProperties {
    @Provide
    Arbitrary<String> programs() {
        return Programs.programs();
    }

    @Property(tries = 60)
    void generatedProgramsParse(@ForAll("programs") String program) {
        assertThat(Parser.parse(SourceFile.ofString("main.k", program)).diagnostics())
                .extracting(Diagnostic::message).as(program).isEmpty();
        Statistics.label("lines").collect(program.lines().count() / 20 * 20);
    }
}
