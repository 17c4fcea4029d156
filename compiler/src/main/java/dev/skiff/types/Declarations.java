package dev.skiff.types;

/**
 * The library's declarations, looked up by name: builtins, string methods and the members of system modules. The
 * evaluator's library implements it from the declarations written beside each implementation; the checker, the
 * inference and the editor read it.
 */
public interface Declarations {
    /** A builtin function ({@code len}), or null when there is none of that name. */
    Declaration builtin(String name);

    /** A string method ({@code upper}; the string itself is not a parameter), or null. */
    Declaration stringMethod(String name);

    /** A member of a system module ({@code math.sqrt}, {@code units.Ki}), or null. */
    Declaration member(String module, String name);

    /** Nothing is declared: every call has type {@code any} and no call is checked. */
    Declarations NONE = new Declarations() {
        @Override
        public Declaration builtin(String name) {
            return null;
        }

        @Override
        public Declaration stringMethod(String name) {
            return null;
        }

        @Override
        public Declaration member(String module, String name) {
            return null;
        }
    };
}
