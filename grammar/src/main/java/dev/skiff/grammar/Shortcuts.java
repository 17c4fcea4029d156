package dev.skiff.grammar;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;

/**
 * Two of the grammar's choices, made without ANTLR's prediction where the answer is plain: whether
 * {@code a.b.S} starts an instance {@code a.b.S {…}} or is a name, and whether a call {@code S(…)} takes a
 * config after it. Anywhere but a lambda's parameters and a quantifier's target, a {@code {} right after
 * is a config. ANTLR's SLL prediction does not know where it is, considers the lambda case everywhere (a
 * default value, then a body that reads like the config), and reads ahead to the end of the config to
 * choose: for configs of instances nested 150 deep, 57,000 tokens of lookahead, seconds of parsing.
 */
public final class Shortcuts {
    private static final int NONE = ATN.INVALID_ALT_NUMBER;
    private static final int INSTANCE_DECISION;
    private static final int INSTANCE_ALT;
    private static final int ATOM_ALT;
    private static final int CONFIG_DECISION;
    private static final int CONFIG_ALT;
    private static final int NO_CONFIG_ALT;

    static {
        int instanceDecision = -1;
        int instanceAlt = NONE;
        int atomAlt = NONE;
        int configDecision = -1;
        int configAlt = NONE;
        ATN atn = SkiffParser._ATN;
        for (int d = 0; d < atn.getNumberOfDecisions(); d++) {
            DecisionState s = atn.getDecisionState(d);
            if (s.ruleIndex != SkiffParser.RULE_primary) {
                continue;
            }
            for (int alt = 1; alt <= s.getNumberOfTransitions(); alt++) {
                int rule = firstRule(s.transition(alt - 1).target);
                if (rule == SkiffParser.RULE_dottedName) {
                    instanceDecision = d;
                    instanceAlt = alt;
                } else if (rule == SkiffParser.RULE_atom) {
                    atomAlt = alt;
                } else if (rule == SkiffParser.RULE_config && s.getNumberOfTransitions() == 2) {
                    configDecision = d;
                    configAlt = alt;
                }
            }
        }
        if (instanceDecision < 0 || atomAlt == NONE || configDecision < 0) {
            throw new IllegalStateException("the grammar's rule `primary` no longer has the choices Shortcuts knows");
        }
        INSTANCE_DECISION = instanceDecision;
        INSTANCE_ALT = instanceAlt;
        ATOM_ALT = atomAlt;
        CONFIG_DECISION = configDecision;
        CONFIG_ALT = configAlt;
        NO_CONFIG_ALT = 3 - configAlt;
    }

    private Shortcuts() {
    }

    /** The rule an alternative starts by invoking, following empty transitions; -1 when it starts with a token. */
    private static int firstRule(ATNState state) {
        for (int steps = 0; steps < 16 && state != null; steps++) {
            if (state.getNumberOfTransitions() != 1) {
                return -1;
            }
            Transition t = state.transition(0);
            if (t instanceof RuleTransition r) {
                return r.ruleIndex;
            }
            if (!t.isEpsilon()) {
                return -1;
            }
            state = t.target;
        }
        return -1;
    }

    /** The alternative to take at {@code decision}, or 0 when ANTLR should predict it. */
    public static int predict(SkiffParserBase parser, TokenStream input, int decision) {
        if (decision == INSTANCE_DECISION) {
            if (input.LA(1) != SkiffLexer.NAME) {
                return NONE;
            }
            int after = afterDottedName(input);
            if (after != SkiffLexer.LBRACE) {
                return after == Token.EOF ? NONE : ATOM_ALT;
            }
            return parser.braceOpensConfig() ? INSTANCE_ALT : NONE;
        }
        if (decision == CONFIG_DECISION) {
            if (input.LA(1) != SkiffLexer.LBRACE) {
                return NO_CONFIG_ALT;
            }
            return parser.braceOpensConfig() ? CONFIG_ALT : NONE;
        }
        return NONE;
    }

    /**
     * The type of the token after the dotted name that starts at {@code LT(1)}. The tokens are read in one
     * pass: {@code LA(i)} of a token stream with hidden tokens steps through the {@code i} tokens before it, so
     * asking it for each segment cost the square of the name's length (10,000 segments, seconds).
     */
    private static int afterDottedName(TokenStream input) {
        int at = input.index();
        int[] next = {at};
        int type = nextVisible(input, next); // the name itself
        if (type == NONE) {
            return slowAfterDottedName(input);
        }
        type = nextVisible(input, next);
        while (type == SkiffLexer.DOT) {
            int name = nextVisible(input, next);
            if (name != SkiffLexer.NAME) {
                return type; // `a.` then no name: the dot follows the dotted name `a`
            }
            type = nextVisible(input, next);
        }
        return type == NONE ? slowAfterDottedName(input) : type;
    }

    /**
     * The type of the next token on the default channel from {@code at[0]}, which moves past it; {@link #NONE}
     * when the stream has not buffered that far (then ask it through {@code LA}).
     */
    private static int nextVisible(TokenStream input, int[] at) {
        while (at[0] < input.size()) {
            Token t = input.get(at[0]++);
            if (t.getType() == Token.EOF) {
                at[0]--;
                return Token.EOF;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t.getType();
            }
        }
        return NONE;
    }

    private static int slowAfterDottedName(TokenStream input) {
        int i = 2;
        while (input.LA(i) == SkiffLexer.DOT && input.LA(i + 1) == SkiffLexer.NAME) {
            i += 2;
        }
        return input.LA(i);
    }

    /** ANTLR's simulator, asking {@link #predict} first. */
    public static final class Simulator extends ParserATNSimulator {
        Simulator(SkiffParserBase parser, ParserATNSimulator original) {
            super(parser, parser.getATN(), original.decisionToDFA, original.getSharedContextCache());
        }

        @Override
        public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
            int alt = predict((SkiffParserBase) parser, input, decision);
            return alt != NONE ? alt : super.adaptivePredict(input, decision, outerContext);
        }
    }
}
