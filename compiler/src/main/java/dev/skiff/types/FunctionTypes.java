package dev.skiff.types;

/**
 * The types of the functions the language provides (builtins, string methods, system module members), as their
 * implementations declare them. The evaluator's library implements it; the checker and the editor read it.
 */
public interface FunctionTypes {
    /** The type of a builtin function ({@code len}), or null when there is none of that name. */
    Type builtin(String name);

    /** The type of a string method ({@code upper}), the string itself not counted as a parameter; or null. */
    Type stringMethod(String name);

    /** The type of a member of a system module ({@code math.sqrt}), or null. */
    Type member(String module, String name);

    /** No function is known: every call has type {@code any}. */
    FunctionTypes NONE = new FunctionTypes() {
        @Override
        public Type builtin(String name) {
            return null;
        }

        @Override
        public Type stringMethod(String name) {
            return null;
        }

        @Override
        public Type member(String module, String name) {
            return null;
        }
    };
}
