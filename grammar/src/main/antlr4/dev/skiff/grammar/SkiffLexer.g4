// Tokens of Skiff (KCL's surface syntax). Layout tokens (NEWLINE, INDENT, DEDENT, SEP) are made by
// SkiffLexerBase: NEWLINE/INDENT/DEDENT outside brackets, as Python does; inside [...] and {...} a line
// break that ends an item becomes SEP, so lists and configs may put one item per line without commas.
lexer grammar SkiffLexer;

options { superClass = SkiffLexerBase; }

tokens { INDENT, DEDENT, NEWLINE, SEP }

channels { COMMENTS }

// keywords (`type`, `mixin`, `protocol`, `rule` and `check` are soft: plain names except where the
// grammar expects them, so they remain usable as attribute names)
IMPORT: 'import';
AS: 'as';
SCHEMA: 'schema';
FOR: 'for';
IN: 'in';
IF: 'if';
ELIF: 'elif';
ELSE: 'else';
AND: 'and';
OR: 'or';
NOT: 'not';
IS: 'is';
LAMBDA: 'lambda';
ASSERT: 'assert';
TRUE: 'True';
FALSE: 'False';
NONE: 'None';
UNDEFINED: 'Undefined';

FLOAT
    : ( DIGITS '.' DIGITS? EXPONENT? | '.' DIGITS EXPONENT? | DIGITS EXPONENT ) MULTIPLIER?
    ;
INT
    : ( '0' [xX] [0-9a-fA-F_]+ | '0' [oO] [0-7_]+ | '0' [bB] [01_]+ | DIGITS ) MULTIPLIER?
    ;
fragment DIGITS: [0-9] [0-9_]*;
fragment EXPONENT: [eE] [+-]? [0-9]+;
fragment MULTIPLIER: [numkKMGTP] 'i'?;

STRING
    : [rR]? ( '"""' ( '\\' . | ~'\\' )*? '"""'
            | '\'\'\'' ( '\\' . | ~'\\' )*? '\'\'\''
            | '"' ( '\\' . | ~["\\\r\n] )* '"'
            | '\'' ( '\\' . | ~['\\\r\n] )* '\''
            )
    ;

// A triple-quoted string with no end: reported by SkiffLexerBase, which turns it into a STRING.
UNTERMINATED_TRIPLE
    : [rR]? ( '"""' ( '"'? '"'? ( '\\' . | ~["\\] ) )* '"'? '"'? '\\'? EOF
            | '\'\'\'' ( '\''? '\''? ( '\\' . | ~['\\] ) )* '\''? '\''? '\\'? EOF
            )
    ;

NAME: '$'? [a-zA-Z_] [a-zA-Z0-9_]*;

// operators, longest first
ELLIPSIS: '...';
DSTAR_ASSIGN: '**=';
DSLASH_ASSIGN: '//=';
LSHIFT_ASSIGN: '<<=';
RSHIFT_ASSIGN: '>>=';
PLUS_ASSIGN: '+=';
MINUS_ASSIGN: '-=';
STAR_ASSIGN: '*=';
SLASH_ASSIGN: '/=';
PERCENT_ASSIGN: '%=';
AMP_ASSIGN: '&=';
PIPE_ASSIGN: '|=';
CARET_ASSIGN: '^=';
ARROW: '->';
DSTAR: '**';
DSLASH: '//';
LSHIFT: '<<';
RSHIFT: '>>';
EQ: '==';
NE: '!=';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
ASSIGN: '=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
AMP: '&';
PIPE: '|';
CARET: '^';
TILDE: '~';
QUESTION: '?';
DOT: '.';
COMMA: ',';
COLON: ':';
SEMI: ';';
AT: '@';
LPAREN: '(' { openBracket('('); };
RPAREN: ')' { closeBracket(')'); };
LBRACK: '[' { openBracket('['); };
RBRACK: ']' { closeBracket(']'); };
LBRACE: '{' { openBracket('{'); };
RBRACE: '}' { closeBracket('}'); };

LINE_BREAK: ( '\r'? '\n' | '\r' ) { onLineBreak(); };
// A `\` at the very end of the file continues onto nothing, as in KCL.
CONTINUATION: '\\' [ \t]* ( '\r'? '\n' | '\r' | EOF ) -> skip;
WS: [ \t\f]+ -> skip;
COMMENT: '#' ~[\r\n]* -> channel(COMMENTS);

// Anything else: reported by SkiffLexerBase (a stray quote starts an unterminated string).
ERROR_CHAR: . ;
