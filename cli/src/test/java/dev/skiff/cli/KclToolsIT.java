package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What KCL users run besides {@code kcl run}, through the CLI as a process: {@code skiff test} ({@code kcl test}),
 * {@code skiff vet} ({@code kcl vet}) and the lint warnings of {@code skiff check} ({@code kcl lint}): their output,
 * exit codes and flags.
 */
class KclToolsIT {
    @TempDir
    Path dir;

    private RepositoryIT.Run skiff(Path cwd, String script) throws Exception {
        return skiff(cwd, script, null);
    }

    private RepositoryIT.Run skiff(Path cwd, String script, String input) throws Exception {
        RepositoryIT helper = new RepositoryIT();
        helper.dir = dir;
        return helper.sh(cwd, script, input);
    }

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Test output with the durations (which vary) replaced by {@code Nms}. */
    private static String timeless(String out) {
        return out.replaceAll("\\(\\d+ms\\)", "(Nms)");
    }

    private static final String PERSON = """
            schema Person:
                name: str = "kcl"
                age: int = 1

                check:
                    0 <= age <= 120, "age must be in [0, 120]"

            hello = Person {name = "hello kcl", age = 102}
            """;

    @Test
    void testRunsEachTestLambdaOfTheTestFilesWithThePackageAndReportsAsKclTestDoes() throws Exception {
        write("app/person.k", PERSON);
        write("app/person_test.k", """
                test_default_name = lambda {
                    a = Person {}
                    assert a.name == "kcl"
                }
                test_age = lambda {
                    a = Person {}
                    assert a.age == 123, "the default age is not 123"
                }
                test_check = lambda {
                    Person {age = 200}
                }
                helper = lambda {
                    assert False
                }
                """);
        write("app/_scratch_test.k", "test_ignored = lambda {\n    assert False\n}\n");
        RepositoryIT.Run r = skiff(dir.resolve("app"), "skiff test --color never");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(timeless(r.out())).isEqualTo("""
                test_default_name: PASS (Nms)
                test_age: FAIL (Nms)
                person_test.k:7:12: error[E0502]: assertion failed: the default age is not 123
                  |
                7 |     assert a.age == 123, "the default age is not 123"
                  |            ^^^^^^^^^^^^

                test_check: FAIL (Nms)
                person_test.k:10:13: error[E0501]: check failed for `Person`: age must be in [0, 120]
                   |
                10 |     Person {age = 200}
                   |             ^^^
                   --> person.k:6:9
                   |
                6  |         0 <= age <= 120, "age must be in [0, 120]"
                   |         ------------------------------------------ this check is false

                --------------------------------------------------------------------------------
                PASS: 1/3
                FAIL: 2/3
                """);

        RepositoryIT.Run only = skiff(dir.resolve("app"), "skiff test --run 'name$'");
        assertThat(only.exit()).as(only.err()).isZero();
        assertThat(timeless(only.out())).isEqualTo("""
                test_default_name: PASS (Nms)
                --------------------------------------------------------------------------------
                PASS: 1/1
                """);

        RepositoryIT.Run fast = skiff(dir.resolve("app"), "skiff test --fail-fast --run 'age|check'");
        assertThat(fast.exit()).isEqualTo(1);
        assertThat(fast.out()).contains("test_age: FAIL").doesNotContain("test_check").endsWith("FAIL: 1/1\n");

        RepositoryIT.Run none = skiff(dir.resolve("app"), "skiff test --run nothing");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).isEqualTo("no test files\n");

        RepositoryIT.Run badRegex = skiff(dir.resolve("app"), "skiff test --run '('");
        assertThat(badRegex.exit()).isEqualTo(2);
        assertThat(badRegex.err()).contains("--run: not a regular expression");
    }

    @Test
    void testFindsPackagesRecursivelyAndReportsAPackageThatDoesNotCompile() throws Exception {
        write("pkgs/good/lib.k", "double = lambda x: int -> int {\n    x * 2\n}\n");
        write("pkgs/good/lib_test.k", "test_double = lambda {\n    assert double(2) == 4\n}\n");
        write("pkgs/broken/lib.k", "value = undefinedName + 1\n");
        write("pkgs/broken/lib_test.k", "test_value = lambda {\n    assert value == 1\n}\n");
        write("pkgs/untested/lib.k", "x = 1\n");
        RepositoryIT.Run r = skiff(dir, "skiff test ./... --color never");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(timeless(r.out())).isEqualTo("""
                pkgs/broken
                the package does not compile, so none of its 1 cases ran: FAIL
                pkgs/broken/lib.k:1:9: error[E0201]: name `undefinedName` is not defined
                  |
                1 | value = undefinedName + 1
                  |         ^^^^^^^^^^^^^
                pkgs/good
                test_double: PASS (Nms)
                --------------------------------------------------------------------------------
                PASS: 1/2
                FAIL: 1/2
                """);
        RepositoryIT.Run good = skiff(dir, "skiff test pkgs/good");
        assertThat(good.exit()).as(good.out()).isZero();
        RepositoryIT.Run empty = skiff(dir, "skiff test pkgs/untested");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).isEqualTo("no test files\n");
        RepositoryIT.Run missing = skiff(dir, "skiff test nowhere");
        assertThat(missing.exit()).isEqualTo(2);
    }

    private static final String USER = """
            schema User:
                name: str
                age: int
                message?: str
                data: Data
                labels: {str:}
                hc: [int]

                check:
                    age > 10, "age must be over 10"

            schema Data:
                id: int
                value: str
            """;

    @Test
    void vetValidatesADataFileWithASchemaAndShowsProblemsAtTheDataFilesLines() throws Exception {
        write("schema.k", USER);
        write("data.json", """
                {
                    "name": "Alice",
                    "age": 18,
                    "message": "This is Alice",
                    "data": {"id": 1, "value": "value1"},
                    "labels": {"key": "value"},
                    "hc": [1, 2, 3]
                }
                """);
        RepositoryIT.Run ok = skiff(dir, "skiff vet data.json schema.k");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("Validate success!\n");

        write("bad.yaml", """
                name: Alice
                age: 18
                data:
                  id: "1"
                  value: value1
                labels:
                  key: value
                hc: [1, 2, three]
                extra: 1
                """);
        RepositoryIT.Run bad = skiff(dir, "skiff vet bad.yaml schema.k --format yaml --color never");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).isEqualTo("""
                bad.yaml:4:3: error[E0301]: expected `int` for attribute `id` of `Data`, found `str`
                  |
                4 |   id: "1"
                  |   ^^
                bad.yaml:8:12: error[E0301]: expected `[int]` for attribute `hc` of `User`, found an element of type `str`
                  |
                8 | hc: [1, 2, three]
                  |            ^^^^^
                bad.yaml:9:1: error[E0302]: schema `User` has no attribute `extra`
                  |
                9 | extra: 1
                  | ^^^^^
                """);

        write("young.yaml", "name: Bob\nage: 8\ndata: {id: 1, value: v}\nlabels: {}\nhc: []\n");
        RepositoryIT.Run young = skiff(dir, "skiff vet young.yaml schema.k -s User --color never");
        assertThat(young.exit()).isEqualTo(1);
        assertThat(young.err()).startsWith("young.yaml:2:1: error[E0501]: check failed for `User`: age must be over 10")
                .contains("--> schema.k:10:9");

        RepositoryIT.Run unknown = skiff(dir, "skiff vet data.json schema.k -d Usr --color never");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("the program has no schema `Usr` (it has `User`, `Data`)")
                .contains("did you mean `User`?");
    }

    @Test
    void vetReadsStandardInputListsAndOtherSchemasAndRunsTheProgramsAsserts() throws Exception {
        write("schema.k", USER + """

                assert len(value) > 0 if typeof(value) == "list" else True, "the list is empty"
                """);
        write("data.yaml", "id: 1\nvalue: v\n");
        RepositoryIT.Run data = skiff(dir, "skiff vet data.yaml schema.k -s Data");
        assertThat(data.exit()).as(data.err()).isZero();

        RepositoryIT.Run list = skiff(dir, "skiff vet - schema.k --schema Data --color never",
                "- id: 1\n  value: a\n- id: two\n  value: b\n");
        assertThat(list.exit()).isEqualTo(1);
        assertThat(list.err()).startsWith("<stdin>:3:3: error[E0301]: expected `int` for attribute `id` of `Data`");

        RepositoryIT.Run empty = skiff(dir, "skiff vet - schema.k -s Data --color never", "[]\n");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("error[E0502]: assertion failed: the list is empty");

        RepositoryIT.Run json = skiff(dir, "skiff vet - schema.k -s Data --output json", "{id: x, value: b}\n");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).contains("\"code\" : \"E0301\"").contains("\"line\" : 1").contains("\"column\" : 2");

        RepositoryIT.Run notYaml = skiff(dir, "skiff vet - schema.k -s Data --color never", "a: [1\n");
        assertThat(notYaml.exit()).isEqualTo(1);
        assertThat(notYaml.err()).contains("error[E0413]: not valid YAML");

        RepositoryIT.Run badFormat = skiff(dir, "skiff vet data.yaml schema.k --format toml");
        assertThat(badFormat.exit()).isEqualTo(2);
    }

    @Test
    void checkReportsLintWarningsWithoutFailingUnlessAskedAndHonoursNoqaAndKclMod() throws Exception {
        write("svc/main.k", """
                import regex
                import json  # noqa: E0601

                _draft = "unused"
                replicas = 2
                """);
        RepositoryIT.Run r = skiff(dir, "skiff check svc --color never");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("""
                svc/main.k:1:1: warning[E0601]: module `regex` is imported but never used
                  |
                1 | import regex
                  | ^^^^^^^^^^^^
                   = hint: remove the import
                svc/main.k:4:1: warning[E0604]: private variable `_draft` is assigned but never used
                  |
                4 | _draft = "unused"
                  | ^^^^^^
                   = hint: remove it, or use it; a private (`_`) name is not part of the output
                checked 1 program (0 Kubernetes objects): no errors, 2 warnings
                """);

        RepositoryIT.Run strict = skiff(dir, "skiff check svc --warnings-as-errors");
        assertThat(strict.exit()).isEqualTo(1);

        RepositoryIT.Run github = skiff(dir, "skiff check svc --format github");
        assertThat(github.exit()).isZero();
        assertThat(github.out()).contains("::warning file=svc/main.k,line=1");

        write("svc/kcl.mod", "[package]\nname = \"svc\"\n\n[skiff]\nlint-ignore = [\"E0601\", \"unused-name\"]\n");
        RepositoryIT.Run ignored = skiff(dir, "skiff check svc --warnings-as-errors");
        assertThat(ignored.exit()).as(ignored.err()).isZero();
        assertThat(ignored.err()).doesNotContain("warning");

        // `run` and `build` do not lint
        RepositoryIT.Run run = skiff(dir, "skiff run svc/main.k");
        assertThat(run.err()).doesNotContain("E06");
    }
}
