// Skiff's syntax: KCL's surface syntax. The tree is mapped to the immutable AST by the compiler's
// builders (dev.skiff.syntax.*Builder); this grammar only recognises.
parser grammar SkiffParser;

options { tokenVocab = SkiffLexer; superClass = SkiffParserBase; }

file: (NEWLINE | statement)* EOF;

holeExpr: test NEWLINE* EOF;

statement
    : simpleStmt
    | compoundStmt
    ;

simpleStmt: smallStmt (SEMI smallStmt)* SEMI? NEWLINE;

smallStmt
    : importStmt
    | assertStmt
    | typeAliasStmt
    | unificationStmt
    | exprStmt
    ;

importStmt: IMPORT modulePath (AS NAME)?;
modulePath: (DOT | ELLIPSIS)* NAME (DOT NAME)* | (DOT | ELLIPSIS)+;
assertStmt: ASSERT test (IF test)? (COMMA test)?;
typeAliasStmt: {word("type")}? NAME name=NAME ASSIGN type;
unificationStmt: NAME COLON schemaInst;
// An assignment (`a = b = v`), a typed one (`a: T = v`), an augmented one (`a += v`) or an expression on its
// own: one rule that reads the leading expression once and then goes by the token after it. As four
// alternatives, the parser had to read every statement's expression to its end to choose among them, in each
// nested lambda body again.
exprStmt: test (COLON type ASSIGN test | (ASSIGN test)+ | augOp test)?;

augOp
    : PLUS_ASSIGN | MINUS_ASSIGN | STAR_ASSIGN | SLASH_ASSIGN | DSLASH_ASSIGN | PERCENT_ASSIGN | DSTAR_ASSIGN
    | LSHIFT_ASSIGN | RSHIFT_ASSIGN | AMP_ASSIGN | PIPE_ASSIGN | CARET_ASSIGN
    ;

// Decorators come before the choice of declaration, so the soft keyword (`mixin`, `rule`) that tells a schema
// from a rule is at the left edge of each and decides it (`@deprecated rule R:` is a rule).
compoundStmt
    : ifStmt
    | decorator* (schemaStmt | ruleStmt)
    ;

ifStmt: IF test COLON block elifClause* elseClause?;
elifClause: ELIF test COLON block;
elseClause: ELSE COLON block;
block: simpleStmt | NEWLINE INDENT statement+ DEDENT;

decorator: AT primary NEWLINE;

schemaStmt
    : (kind=SCHEMA | {word("mixin")}? kind=NAME | {word("protocol")}? kind=NAME) name=NAME (LBRACK params? RBRACK)? (LPAREN parent=dottedName RPAREN)?
      (FOR host=dottedName)? COLON NEWLINE (INDENT schemaBody DEDENT)?
    ;

// Line breaks after the items are items themselves; only a check block, which must come last, has its own.
// (Were they both, every item would be a choice the parser could settle only with the whole file in view.)
schemaBody: (doc=STRING NEWLINE)? schemaItem* (checkBlock NEWLINE*)?;

// `name: T = value` is an attribute, though it reads as a typed assignment too: the predicate settles it
// where the two agree, instead of a full-context prediction per item (seconds for a long file with an error).
schemaItem
    : NEWLINE
    | mixinStmt
    | indexSignature
    | schemaAttr
    | {!attributeAhead()}? statement
    ;

mixinStmt: {word("mixin")}? NAME LBRACK dottedName (COMMA dottedName)* COMMA? RBRACK NEWLINE;

indexSignature
    : LBRACK (keyName=NAME COLON)? ELLIPSIS? keyType=type RBRACK COLON valueType=type (ASSIGN test)? NEWLINE
    ;

schemaAttr
    : decorator* attrName QUESTION? COLON type ((ASSIGN | PIPE_ASSIGN) test)? NEWLINE
    | decorator* attrName QUESTION? COLON schemaInst NEWLINE
    ;

attrName: NAME | STRING;

checkBlock: {word("check")}? NAME COLON NEWLINE INDENT (checkExpr NEWLINE | NEWLINE)+ DEDENT;
// `error, if not result, "…"`: KCL also takes a comma before the condition
checkExpr: test (COMMA? IF test)? (msg=COMMA test)?;

ruleStmt
    : {word("rule")}? NAME name=NAME (LBRACK params? RBRACK)? (LPAREN dottedName (COMMA dottedName)* RPAREN)?
      (FOR host=dottedName)? COLON NEWLINE INDENT (doc=STRING NEWLINE)? (checkExpr NEWLINE | NEWLINE)+ DEDENT
    ;

params: param (COMMA param)* COMMA?;
param: NAME (COLON type)? (ASSIGN test)?;

dottedName: NAME (DOT NAME)*;

// ---------------------------------------------------------------- types

type: typeAtom (PIPE typeAtom)*;

typeAtom
    : dottedName                                   #namedType
    | NONE                                         #noneType
    | LBRACK type? RBRACK                          #listType
    | LBRACE (k=type? COLON v=type?)? RBRACE       #dictType
    | STRING                                       #literalType
    | MINUS? (INT | FLOAT)                         #literalType
    | (TRUE | FALSE)                               #literalType
    // `(A, B) -> R`; without `-> R` the result is any. As in KCL there are no grouping parentheses in types:
    // `(A)` is a function type.
    | LPAREN (paramTypes+=type (COMMA paramTypes+=type)* COMMA?)? RPAREN (ARROW ret=type)? #functionType
    ;

// ---------------------------------------------------------------- expressions

test: expr;

expr
    : primary                                                   #primaryExpr
    | op=(PLUS | MINUS | TILDE) expr                            #unaryExpr
    | expr DSTAR expr                                           #powerExpr
    | expr op=(STAR | SLASH | DSLASH | PERCENT) expr            #binaryExpr
    | expr op=(PLUS | MINUS) expr                               #binaryExpr
    | expr op=(LSHIFT | RSHIFT) expr                            #binaryExpr
    | expr op=AMP expr                                          #binaryExpr
    | expr op=CARET expr                                        #binaryExpr
    | expr op=PIPE expr                                         #binaryExpr
    | expr compOp expr                                          #compareExpr
    | NOT expr                                                  #notExpr
    | expr op=AND expr                                          #binaryExpr
    | expr op=OR expr                                           #binaryExpr
    | expr AS type                                              #castExpr
    | <assoc=right> expr IF expr ELSE expr                      #ternaryExpr
    ;

compOp: EQ | NE | LT | LE | GT | GE | IN | NOT IN | IS NOT | IS;

// `S(args) {…}` is a call followed by a config, not an alternative of its own: told apart from a call only
// after the `)`, it made the parser read every call's arguments twice, nested calls once per level.
primary
    : primary DOT NAME                                          #selector
    | primary QUESTION DOT NAME                                 #optSelector
    | primary LPAREN args? RPAREN config?                       #call
    | primary QUESTION? LBRACK subscript RBRACK                 #index
    | dottedName config                                         #instance
    | atom                                                      #atomPrimary
    ;

schemaInst: dottedName (LPAREN args? RPAREN)? config;

args: arg (COMMA arg)* COMMA?;
arg
    : NAME ASSIGN test                                          #keywordArg
    | STAR test                                                 #starArg
    | test                                                      #positionalArg
    ;

subscript
    : test                                                      #plainIndex
    | lower=test? COLON upper=test? (COLON step=test?)?         #slice
    ;

atom
    : NAME                                                      #nameAtom
    | INT                                                       #intAtom
    | FLOAT                                                     #floatAtom
    | STRING                                                    #stringAtom
    | TRUE                                                      #trueAtom
    | FALSE                                                     #falseAtom
    | NONE                                                      #noneAtom
    | UNDEFINED                                                 #undefinedAtom
    | LPAREN test RPAREN                                        #parenAtom
    | LBRACK SEP? listItems? RBRACK                             #listAtom
    | config                                                    #configAtom
    | LAMBDA head=lambdaHead LBRACE body=lambdaBody RBRACE #lambdaAtom
    | {isQuantifier()}? quant=NAME NAME (COMMA NAME)? IN target=quantifierTarget LBRACE SEP? test (IF test)? SEP? RBRACE #quantifier
    ;

// The two places where `{` may follow an expression: a lambda's parameters (a default value, then the body)
// and a quantifier's target. Elsewhere `S {` is an instance, and the parser takes it as one at once
// (Shortcuts); here it lets ANTLR decide, reading ahead.
lambdaHead @init {enterBraceFollows();}
    : bracedParams ARROW ret=type
    | params? (ARROW ret=type)?
    ;
    finally {leaveBraceFollows();}
quantifierTarget @init {enterBraceFollows();}
    : test
    ;
    finally {leaveBraceFollows();}

// KCL also takes a comma before `for`: `{k: v, for k in xs}`
compClause: (COMMA SEP*)? SEP? FOR NAME (COMMA NAME)? IN test (SEP? IF test)*;

// Items are separated by a comma or a line break, always: an `if` item's branch leaves the separator after
// it to the list. (Were a separator optional, `a -b` could be two items, and the parser would have to read
// ahead to the end of the list to tell what every `+`, `-` or `*` after an operand means.)
// A comprehension is a list (or config) whose one item is followed by `for`: one rule, so that the parser
// reads the first item once and goes by what follows it. As two alternatives it read the first item to its
// end to choose, and the first item of a nested list again at each level.
listItems: listItem (compClause+ SEP? | (itemSep listItem)* itemSep?);

// One comma, and any line breaks around it (a line break alone separates too).
itemSep: COMMA SEP* | SEP+ (COMMA SEP*)?;
listItem
    : STAR test                                                 #starItem
    | listIf                                                    #ifItem
    | test                                                      #plainItem
    ;
listIf
    : ifTok=IF test COLON listBranch[$ifTok] ({aligned($ifTok)}? listElif)* ({aligned($ifTok)}? listElse)?
    ;
listElif: itemSep? t=ELIF test COLON listBranch[$t];
listElse: itemSep? t=ELSE COLON listBranch[$t];
listBranch[Token owner] locals [boolean inline]
    : {$inline = sameLine($owner);} {$inline || deeper($owner)}? listItem
      ({moreInBranch($owner, $inline)}? itemSep listItem)*
    ;

config: LBRACE SEP? configEntries? RBRACE;
configEntries: configEntry (compClause+ SEP? | (itemSep configEntry)* itemSep?);
configEntry
    : key=test op=(COLON | ASSIGN | PLUS_ASSIGN) value=test     #keyValue
    | DSTAR test                                                #unpack
    | configIf                                                  #ifEntry
    ;
configIf
    : ifTok=IF test COLON configBranch[$ifTok] ({aligned($ifTok)}? configElif)* ({aligned($ifTok)}? configElse)?
    ;
configElif: itemSep? t=ELIF test COLON configBranch[$t];
configElse: itemSep? t=ELSE COLON configBranch[$t];
configBranch[Token owner] locals [boolean inline]
    : {$inline = sameLine($owner);} {$inline || deeper($owner)}? configEntry
      ({moreInBranch($owner, $inline)}? itemSep configEntry)*
    ;

// `lambda {a: int, b: int} -> R {…}`: parameters in braces, one a line if need be; only with a result type,
// which is what tells them from a body.
bracedParams: LBRACE (param (itemSep param)* itemSep?)? RBRACE;

lambdaBody: (SEP | SEMI)* (lambdaStmt ((SEP | SEMI)+ lambdaStmt)*)? (SEP | SEMI)*;
lambdaStmt
    : lambdaIf                                                  #lambdaIfStmt
    | smallStmt                                                 #lambdaSmallStmt
    ;
lambdaIf
    : ifTok=IF test COLON lambdaBranch[$ifTok] ({aligned($ifTok)}? lambdaElif)* ({aligned($ifTok)}? lambdaElse)?
    ;
lambdaElif: (SEP | SEMI)* t=ELIF test COLON lambdaBranch[$t];
lambdaElse: (SEP | SEMI)* t=ELSE COLON lambdaBranch[$t];
lambdaBranch[Token owner] locals [boolean inline]
    : {$inline = sameLine($owner);} {$inline || deeper($owner)}? lambdaStmt
      ({moreInLambdaBranch($owner, $inline)}? (SEP | SEMI)+ lambdaStmt)*
    ;
